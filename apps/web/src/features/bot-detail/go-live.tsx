import { Badge } from "@open-trade/ui/badge";
import { Button } from "@open-trade/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@open-trade/ui/card";
import { ConfirmDialog } from "@open-trade/ui/confirm-dialog";
import { toast } from "@open-trade/ui/toaster";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, X } from "lucide-react";
import { useTRPC } from "../../api/trpc.ts";

/** Paper or live: live needs the tier, stored credentials, every limit set, and the bot's name typed. */
export function GoLive({ botId, botName, status }: { botId: string; botName: string; status: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const conditions = useQuery(trpc.bots.goLiveConditions.queryOptions({ botId }));
  const goLive = useMutation({
    ...trpc.bots.goLive.mutationOptions(),
    onSuccess: () => {
      toast.success(`${botName} now trades LIVE with real money.`);
      void queryClient.invalidateQueries({ queryKey: trpc.bots.pathKey() });
    },
    onError: (error) => toast.error(error.message),
  });
  const unmet = conditions.data?.filter((c) => !c.met) ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Mode{" "}
          <Badge variant={status === "live" ? "loss" : "outline"}>
            {status === "live" ? "LIVE" : "PAPER"}
          </Badge>
        </CardTitle>
        <CardDescription>
          Paper fills are simulated against the real order book. Live places real orders with your Polymarket
          keys.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {conditions.isPending ? (
          <p className="text-sm text-muted-foreground">Checking what live trading needs…</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm">
            {conditions.data?.map((c) => (
              <li key={c.code} className="flex items-start gap-2">
                {c.met ? (
                  <Check aria-label="met" className="mt-0.5 size-4 text-gain" />
                ) : (
                  <X aria-label="not met" className="mt-0.5 size-4 text-loss" />
                )}
                <span>{c.met ? c.code.replaceAll("_", " ").toLowerCase() : c.message}</span>
              </li>
            ))}
          </ul>
        )}
        {status !== "live" ? (
          <ConfirmDialog
            trigger={
              <Button type="button" variant="destructive" disabled={unmet.length > 0 || goLive.isPending}>
                Go live…
              </Button>
            }
            title={`Trade ${botName} with real money?`}
            description="From its next evaluation this bot places real orders on Polymarket with your keys, within its hard limits. You can pause it at any time."
            confirmLabel="Go live"
            typedConfirmation={botName}
            destructive
            onConfirm={() => goLive.mutate({ botId, confirmation: botName })}
          />
        ) : null}
      </CardContent>
    </Card>
  );
}
