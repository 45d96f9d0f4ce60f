import {
  decodeCursor,
  type EvaluationRow,
  evaluationById,
  evaluationsAfter,
  selectRows,
  type TradeRow,
  tradeById,
  tradesAfter,
} from "@open-trade/db/queries";
import { sql } from "drizzle-orm";
import { liveInput } from "../inputs/index.ts";
import { followChanges } from "../live/follow-changes.ts";
import { liveProcedure, router } from "../trpc.ts";

interface BotStatusEvent {
  readonly id: string;
  readonly botId: string;
  readonly status: string;
  readonly archived: boolean;
  readonly cursor: string;
}

/**
 * Live updates over SSE (httpSubscriptionLink), authenticated by the Authorization header like every other call.
 * A client that reconnects sends the last event id it saw and first receives what it missed.
 */
export const liveRouter = router({
  /**
   * Every new fill of the user's bots (or of one bot), tracked by its ledger sequence (trade_logs.seq), which
   * follows commit order per user; created_at does not (it is the writing transaction's start).
   */
  trades: liveProcedure.input(liveInput).subscription(({ ctx, input, signal }) =>
    followChanges({
      deps: ctx.deps,
      user: ctx.user,
      table: "trade_logs",
      botId: input.botId,
      lastEventId: input.lastEventId,
      signal,
      eventId: (row: TradeRow) => row.seq,
      replay: async (tx, after) =>
        /^\d{1,19}$/.test(after)
          ? tradesAfter(tx, ctx.user.id, after, input.botId ? { botId: input.botId } : {})
          : [],
      load: (tx, id) => tradeById(tx, ctx.user.id, id),
    }),
  ),

  /** Evaluations as they start and finish (the "why" feed). */
  evaluations: liveProcedure.input(liveInput).subscription(({ ctx, input, signal }) =>
    followChanges({
      deps: ctx.deps,
      user: ctx.user,
      table: "bot_evaluations",
      botId: input.botId,
      lastEventId: input.lastEventId,
      signal,
      eventId: (row: EvaluationRow) => row.cursor,
      replay: async (tx, lastEventId) => {
        const after = decodeCursor(lastEventId);
        return after
          ? evaluationsAfter(tx, ctx.user.id, after, input.botId ? { botId: input.botId } : {})
          : [];
      },
      load: (tx, id) => evaluationById(tx, ctx.user.id, id),
      // An evaluation is sent when it starts and again when it ends (skipped, denied, filled, failed).
      version: (row) => row.outcome,
    }),
  ),

  /** Status changes (paused, live, error, archived); a client refetches the bot list on each. */
  botStatus: liveProcedure.input(liveInput).subscription(({ ctx, input, signal }) =>
    followChanges<BotStatusEvent>({
      deps: ctx.deps,
      user: ctx.user,
      table: "bots",
      botId: input.botId,
      lastEventId: null,
      signal,
      eventId: (row) => row.cursor,
      replay: async () => [],
      load: async (tx, id) => {
        const [row] = await selectRows<BotStatusEvent>(
          tx,
          sql`select id, id as "botId", status, archived_at is not null as archived,
                     (extract(epoch from clock_timestamp()) * 1000000)::bigint::text || '_' || id as cursor
                from public.bots where id = ${id} and user_id = ${ctx.user.id}`,
        );
        return row ?? null;
      },
    }),
  ),
});
