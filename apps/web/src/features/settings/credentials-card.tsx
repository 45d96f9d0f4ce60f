import { Badge } from "@open-trade/ui/badge";
import { Button } from "@open-trade/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@open-trade/ui/card";
import { ConfirmDialog } from "@open-trade/ui/confirm-dialog";
import { toast } from "@open-trade/ui/toaster";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { ErrorState, Loading } from "../../components/states.tsx";
import { utcTime } from "../../lib/time.ts";
import { CredentialsForm } from "./credentials-form.tsx";

/** Polymarket keys: what is stored (never the values), the wallet they control, replace or delete. */
export function CredentialsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.credentials.status.queryOptions());
  // The API answers the wallet address when storing; the status does not carry it (yet).
  const [wallet, setWallet] = useState<string | null>(null);
  const remove = useMutation({
    ...trpc.credentials.delete.mutationOptions(),
    onSuccess: () => {
      setWallet(null);
      toast.success("Credentials deleted. Live bots cannot place orders until you store new ones.");
      void queryClient.invalidateQueries({ queryKey: trpc.credentials.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.bots.pathKey() });
    },
    onError: (error) => toast.error(error.message),
  });
  const s = status.data;
  const walletAddress = (s?.stored ? s.walletAddress : null) ?? wallet;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Polymarket credentials</CardTitle>
        <CardDescription>
          Needed only to trade live. Stored sealed on the server; no screen or API ever shows them again.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {status.isPending ? (
          <Loading label="the credentials status" rows={1} />
        ) : status.isError ? (
          <ErrorState error={status.error} retry={() => void status.refetch()} />
        ) : s?.stored ? (
          <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="credentials-status">
            <Badge variant="gain">Stored</Badge>
            <span>since {utcTime(s.storedAt)}</span>
            {walletAddress ? (
              <span className="min-w-0 break-all">
                Wallet <span className="font-mono text-xs">{walletAddress}</span>
              </span>
            ) : null}
            <ConfirmDialog
              trigger={
                <Button variant="destructive" size="sm" className="ml-auto" disabled={remove.isPending}>
                  Delete credentials
                </Button>
              }
              title="Delete your Polymarket credentials?"
              description="Live bots will not be able to place orders until you store credentials again. Paper bots are not affected."
              confirmLabel="Delete"
              destructive
              onConfirm={() => remove.mutate()}
            />
          </div>
        ) : (
          <p className="text-sm" data-testid="credentials-status">
            <Badge variant="outline">Not stored</Badge> No credentials: bots trade on paper only.
          </p>
        )}
        <CredentialsForm onStored={setWallet} />
      </CardContent>
    </Card>
  );
}
