import { toast } from "@open-trade/ui/toaster";
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "../api/trpc.ts";
import type { LiveState } from "../components/live-indicator.tsx";
import { formatCents, formatShares } from "../lib/money.ts";
import { pushFeed } from "./feed.ts";
import { upsertEvaluation } from "./upsert-evaluation.ts";

const stateOf = (status: string, everLive: boolean): LiveState =>
  status === "pending" ? "live" : everLive ? "reconnecting" : "connecting";

/**
 * One set of live streams for the whole app: fills, evaluations and bot status changes arrive over SSE and
 * update the cached queries in place (nothing polls), with a toast for fills, denials and pauses.
 */
export function useLiveEvents(): LiveState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = (...keys: readonly unknown[][]) => {
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  };

  const trades = useSubscription(
    trpc.live.trades.subscriptionOptions(
      {},
      {
        onData: ({ data: fill }) => {
          const text = `${fill.botName}: ${fill.side.toUpperCase()} ${formatShares(fill.size)} @ ${formatCents(fill.price)}`;
          toast.success(`Fill · ${text}`);
          pushFeed(queryClient, { id: fill.id, kind: "fill", botId: fill.botId, text, at: fill.createdAt });
          // The evaluations stream sends each evaluation once, as it starts (api: follow-changes skips ids it
          // already sent); a fill is the event that says its evaluation finished, so that timeline reloads.
          refresh(
            trpc.trades.pathKey(),
            trpc.positions.pathKey(),
            trpc.stats.pathKey(),
            trpc.bots.list.pathKey(),
            trpc.evaluations.list.pathKey(),
          );
        },
      },
    ),
  );

  const evaluations = useSubscription(
    trpc.live.evaluations.subscriptionOptions(
      {},
      {
        onData: ({ data: evaluation }) => {
          upsertEvaluation(queryClient, trpc.evaluations.list.pathKey(), evaluation);
          queryClient.setQueryData(trpc.evaluations.byId.queryKey({ evaluationId: evaluation.id }), (old) =>
            old ? { ...old, ...evaluation } : old,
          );
          if (evaluation.outcome === "denied" || evaluation.outcome === "failed") {
            const codes = evaluation.denialCodes.join(", ");
            const text = `${evaluation.outcome === "denied" ? "Denied" : "Failed"}: ${codes || evaluation.reason}`;
            (evaluation.outcome === "denied" ? toast.warning : toast.error)(text);
            pushFeed(queryClient, {
              id: evaluation.id,
              kind: evaluation.outcome === "denied" ? "denial" : "failure",
              botId: evaluation.botId,
              text,
              at: evaluation.finishedAt ?? evaluation.startedAt,
              evaluationId: evaluation.id,
            });
          }
          if (evaluation.outcome !== "running") refresh(trpc.bots.list.pathKey(), trpc.bots.byId.pathKey());
        },
      },
    ),
  );

  const status = useSubscription(
    trpc.live.botStatus.subscriptionOptions(
      {},
      {
        onData: ({ data: change }) => {
          if (change.status.startsWith("paused") || change.status === "error") {
            const text = change.status === "error" ? "A bot stopped with an error" : "A bot was paused";
            toast.info(text);
            pushFeed(queryClient, {
              id: change.cursor,
              kind: "pause",
              botId: change.botId,
              text: `${text} (${change.status})`,
              at: new Date().toISOString(),
            });
          }
          refresh(trpc.bots.pathKey());
        },
      },
    ),
  );

  const statuses = [trades.status, evaluations.status, status.status];
  if (statuses.every((s) => s === "pending")) return "live";
  const everLive =
    Boolean(trades.data ?? evaluations.data ?? status.data) || statuses.some((s) => s === "error");
  return stateOf(statuses.find((s) => s !== "pending") ?? "connecting", everLive);
}
