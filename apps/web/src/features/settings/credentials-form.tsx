import { zodResolver } from "@hookform/resolvers/zod";
import { storeCredentialsInput } from "@open-trade/api/inputs";
import { Button } from "@open-trade/ui/button";
import { Field } from "@open-trade/ui/field";
import { Input } from "@open-trade/ui/input";
import { toast } from "@open-trade/ui/toaster";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useTRPC, useTRPCClient } from "../../api/trpc.ts";
import { serverIssues } from "../bot-builder/server-issues.ts";

// Empty optional boxes mean "not given".
const { privateKey, apiKey, apiSecret, passphrase } = storeCredentialsInput.shape;
const formSchema = z.object({
  privateKey,
  apiKey: z.union([z.literal(""), apiKey.unwrap()]),
  apiSecret: z.union([z.literal(""), apiSecret.unwrap()]),
  passphrase: z.union([z.literal(""), passphrase.unwrap()]),
});
type FormValues = z.infer<typeof formSchema>;
const EMPTY: FormValues = { privateKey: "", apiKey: "", apiSecret: "", passphrase: "" };

const FIELDS = [
  { name: "privateKey", label: "Wallet private key", help: "64 hex characters, 0x optional. Required." },
  { name: "apiKey", label: "CLOB API key", help: "Optional: derived from the key when left empty." },
  { name: "apiSecret", label: "CLOB API secret", help: "Optional, with the API key." },
  { name: "passphrase", label: "CLOB passphrase", help: "Optional, with the API key." },
] as const;

/**
 * Write-only: the values go to the API once and are sealed there. The form empties itself the moment it is
 * sent, and the call bypasses the mutation cache, so no copy of a secret stays in the page's memory.
 */
export function CredentialsForm({ onStored }: { onStored: (walletAddress: string) => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [sending, setSending] = useState(false);
  const form = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: EMPTY });
  const onSubmit = form.handleSubmit(async (values) => {
    form.reset(EMPTY);
    setSending(true);
    try {
      const stored = await client.credentials.store.mutate({
        privateKey: values.privateKey,
        ...(values.apiKey ? { apiKey: values.apiKey } : {}),
        ...(values.apiSecret ? { apiSecret: values.apiSecret } : {}),
        ...(values.passphrase ? { passphrase: values.passphrase } : {}),
      });
      onStored(stored.walletAddress);
      toast.success("Credentials stored. They cannot be shown again, only replaced or deleted.");
    } catch (error) {
      // The API names the field, never echoes the value; the trader types it again.
      for (const [field, messages] of Object.entries(serverIssues(error))) {
        form.setError(field as keyof FormValues, { message: messages.join(" ") });
      }
      toast.error(error instanceof Error ? error.message : "Could not store the credentials.");
    } finally {
      setSending(false);
      void queryClient.invalidateQueries({ queryKey: trpc.credentials.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.bots.pathKey() });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate autoComplete="off" className="grid gap-4 sm:grid-cols-2">
      {FIELDS.map((f) => {
        const error = form.formState.errors[f.name]?.message;
        return (
          <Field key={f.name} label={f.label} help={f.help} errors={error ? [error] : []}>
            {(ids) => (
              <Input
                type="password"
                autoComplete="off"
                spellCheck={false}
                {...ids}
                {...form.register(f.name)}
              />
            )}
          </Field>
        );
      })}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={sending}>
          {sending ? "Storing…" : "Store credentials"}
        </Button>
      </div>
    </form>
  );
}
