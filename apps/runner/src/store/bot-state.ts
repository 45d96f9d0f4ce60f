import type { Transaction } from "@open-trade/db";
import { botState, ledgerFills, selectRows } from "@open-trade/db/queries";
import { botContextSchema, emptyBotContext } from "@open-trade/llm";
import type { FailureType } from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import type { BotState, IntentRow } from "../evaluation/bot-state.ts";

interface FailureRow {
  error_type: FailureType;
  market_id: string | null;
  note: string;
  at_ms: number;
}

interface IntentDbRow {
  id: string;
  order_id: string;
  evaluation_id: string | null;
  mode: IntentRow["mode"];
  market_id: string;
  token_id: string;
  action: "buy" | "sell";
  status: IntentRow["status"];
  prepared_order: Record<string, unknown>;
}

/**
 * Step 2's reads, pipelined on the caller's (service) transaction in one round trip: the bot and today's
 * numbers (a query the API shares), its ledger, its recent failures and its unfinished orders. Null when the
 * bot is gone.
 */
export async function loadBotState(tx: Transaction, botId: string, nowMs: number): Promise<BotState | null> {
  const [bot, fills, failures, intents] = await Promise.all([
    botState(tx, botId, nowMs),
    ledgerFills(tx, botId),
    selectRows<FailureRow>(
      tx,
      sql`select error_type::text as error_type, market_id, adaptation_note as note,
                 (extract(epoch from created_at) * 1000)::float8 as at_ms
            from public.bot_failures where bot_id = ${botId} order by created_at desc limit 20`,
    ),
    selectRows<IntentDbRow>(
      tx,
      sql`select id, order_id, evaluation_id, mode::text as mode, market_id, token_id, action::text as action,
                 status::text as status, prepared_order
            from public.order_intents where bot_id = ${botId} and status in ('prepared', 'submitted', 'ambiguous')
           order by created_at`,
    ),
  ]);
  if (!bot) return null;
  const context = botContextSchema.safeParse(bot.contextJson ?? {});
  return {
    ...bot,
    fills: fills.filter((f) => f.mode === bot.mode),
    context: context.success ? context.data : emptyBotContext(),
    failures: failures.map((f) => ({ errorType: f.error_type, marketId: f.market_id, createdAt: f.at_ms })),
    recentNotes: failures.map((f) => f.note).filter((n) => n.length > 0),
    unresolvedIntents: intents.map((i) => ({
      id: i.id,
      orderId: i.order_id,
      evaluationId: i.evaluation_id,
      mode: i.mode,
      marketId: i.market_id,
      tokenId: i.token_id,
      side: i.action === "buy" ? "BUY" : "SELL",
      status: i.status,
      preparedOrder: i.prepared_order,
    })),
  };
}
