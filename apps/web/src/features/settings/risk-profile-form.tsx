import { zodResolver } from "@hookform/resolvers/zod";
import { percentInput, usdInput } from "@open-trade/api/inputs";
import { Button } from "@open-trade/ui/button";
import { Field } from "@open-trade/ui/field";
import { Input } from "@open-trade/ui/input";
import { toast } from "@open-trade/ui/toaster";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useTRPC } from "../../api/trpc.ts";
import { serverIssues } from "../bot-builder/server-issues.ts";

// The API's own field schemas; the optional budget is an empty box for "no global budget".
const formSchema = z.object({
  defaultDailyLossUsd: usdInput,
  defaultPositionSizeUsd: usdInput,
  defaultSlippageThresholdPercent: percentInput,
  globalRiskBudgetUsd: z.union([z.literal(""), usdInput]),
});
type FormValues = z.infer<typeof formSchema>;

export interface RiskProfile {
  readonly defaultDailyLossUsd: string;
  readonly defaultPositionSizeUsd: string;
  readonly defaultSlippageThresholdPercent: string;
  readonly globalRiskBudgetUsd: string | null;
}

const FIELDS = [
  {
    name: "defaultDailyLossUsd",
    label: "Default max daily loss (USD)",
    help: "A bot without its own daily loss limit stops trading for the day once it has lost this much.",
  },
  {
    name: "defaultPositionSizeUsd",
    label: "Default max position size (USD)",
    help: "The most a bot without its own limit may hold in one market.",
  },
  {
    name: "defaultSlippageThresholdPercent",
    label: "Default slippage threshold (%)",
    help: "An order whose expected fill is this much worse than the quoted price is refused.",
  },
  {
    name: "globalRiskBudgetUsd",
    label: "Global risk budget (USD)",
    help: "The most all your bots together may have at risk. Leave empty for no global budget.",
  },
] as const;

/** The trader's defaults: every bot limit left unset falls back to these (its effective limit changes). */
export function RiskProfileForm({ profile }: { profile: RiskProfile }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    values: { ...profile, globalRiskBudgetUsd: profile.globalRiskBudgetUsd ?? "" },
  });
  const save = useMutation({
    ...trpc.riskProfile.update.mutationOptions(),
    onSuccess: (saved) => {
      queryClient.setQueryData(trpc.riskProfile.get.queryKey(), saved);
      // Effective limits of every bot depend on these defaults.
      void queryClient.invalidateQueries({ queryKey: trpc.stats.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.bots.pathKey() });
      toast.success("Risk profile saved. Bots without their own limits use the new defaults.");
    },
    onError: (error) => {
      for (const [field, messages] of Object.entries(serverIssues(error))) {
        form.setError(field as keyof FormValues, { message: messages.join(" ") });
      }
      toast.error(error.message);
    },
  });
  const onSubmit = form.handleSubmit((values) =>
    save.mutate({ ...values, globalRiskBudgetUsd: values.globalRiskBudgetUsd || null }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      {FIELDS.map((f) => {
        const error = form.formState.errors[f.name]?.message;
        return (
          <Field key={f.name} label={f.label} help={f.help} errors={error ? [error] : []}>
            {(ids) => <Input inputMode="decimal" autoComplete="off" {...ids} {...form.register(f.name)} />}
          </Field>
        );
      })}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save risk profile"}
        </Button>
      </div>
    </form>
  );
}
