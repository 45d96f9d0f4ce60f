import type { Transaction } from "@open-trade/db";
import { selectRows } from "@open-trade/db/queries";
import type { BotContext, FailureType } from "@open-trade/llm";
import {
  applyFill,
  averageEntryPrice,
  formatPrice,
  formatShares,
  formatUsd,
  type Position,
  type Price,
  price,
  type Shares,
  type Side,
  shares,
  type Usd,
  usd,
} from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import { at } from "./at.ts";
import { settleIntent } from "./intents.ts";
import { lockUser } from "./locks.ts";

export interface FillToRecord {
  readonly botId: string;
  readonly userId: string;
  readonly mode: "paper" | "live";
  readonly marketId: string;
  readonly tokenId: string;
  readonly orderId: string;
  /** The evaluation whose order this fill is (null only for an order written before evaluations were linked). */
  readonly evaluationId: string | null;
  readonly side: Side;
  readonly shares: Shares;
  readonly price: Price;
  readonly fee: Usd;
  readonly reasoning: string;
  readonly recipe: unknown;
}

export type RecordedFill =
  | { readonly recorded: true; readonly before: Position; readonly after: Position }
  | { readonly recorded: false };

/**
 * Step 10, inside the caller's transaction: the ledger row, the position update, the memory update and the
 * intent settled (`bookFill`, then `fillEffects`). The fill key is the order id, unique in trade_logs, so
 * recording the same order twice (a retry, a reconciliation after a crash) is a no-op. The position is the
 * risk engine's fold of exactly the values written to the ledger row, so positions always equal the fold of
 * their ledger rows.
 */
export async function recordFill(tx: Transaction, fill: FillToRecord, nowMs: number): Promise<RecordedFill> {
  const booked = await bookFill(tx, fill, nowMs);
  if (booked.recorded) await fillEffects(tx, fill, booked);
  return booked;
}

/**
 * The ledger row, under the user's lock, and the position it lands in (before and after), in one round trip.
 * The position is read after the insert on the same connection, under the lock: no other fill moves it meanwhile.
 */
export async function bookFill(tx: Transaction, fill: FillToRecord, nowMs: number): Promise<RecordedFill> {
  const key = sql`user_id = ${fill.userId} and bot_id = ${fill.botId} and market_id = ${fill.marketId}
           and token_id = ${fill.tokenId} and type = ${fill.mode}::public.trade_type`;
  const [, inserted, [held]] = await Promise.all([
    lockUser(tx, fill.userId),
    selectRows<{ id: string }>(
      tx,
      sql`insert into public.trade_logs (bot_id, market_id, type, action, size, execution_price, ai_reasoning,
            recipe_snapshot, token_id, fee_usd, order_id, fill_key, evaluation_id, created_at)
          values (${fill.botId}, ${fill.marketId}, ${fill.mode}::public.trade_type,
            ${fill.side === "BUY" ? "buy" : "sell"}::public.trade_action, ${formatShares(fill.shares)}::numeric,
            ${formatPrice(fill.price)}::numeric, ${fill.reasoning.slice(0, 4000)}, ${JSON.stringify(fill.recipe ?? {})}::jsonb,
            ${fill.tokenId}, ${formatUsd(fill.fee)}::numeric, ${fill.orderId}, ${fill.orderId}, ${fill.evaluationId},
            ${at(nowMs)}::timestamptz)
          on conflict (fill_key) do nothing returning id`,
    ),
    selectRows<{ shares: string; basis: string; realized: string }>(
      tx,
      sql`select total_shares::text as shares, cost_basis_usd::text as basis, realized_pnl_usd::text as realized
            from public.positions where ${key} for update`,
    ),
  ]);
  if (inserted.length === 0) return { recorded: false };
  const before: Position = held
    ? { shares: shares(held.shares), costBasis: usd(held.basis), realizedPnl: usd(held.realized) }
    : { shares: 0n as Shares, costBasis: 0n as Usd, realizedPnl: 0n as Usd };
  const after = applyFill(before, { side: fill.side, shares: fill.shares, price: fill.price, fee: fill.fee });
  return { recorded: true, before, after };
}

/** What a booked fill changes besides the ledger: the position row, the memory's PnL and the intent (pipelined). */
export async function fillEffects(
  tx: Transaction,
  fill: FillToRecord,
  { before, after }: { before: Position; after: Position },
): Promise<void> {
  const average = formatPrice(averageEntryPrice(after) ?? price("0"));
  const realizedDelta = formatUsd((after.realizedPnl - before.realizedPnl) as Usd);
  await Promise.all([
    selectRows(
      tx,
      sql`insert into public.positions (user_id, bot_id, market_id, token_id, type, total_shares,
            average_entry_price, cost_basis_usd, realized_pnl_usd)
          values (${fill.userId}, ${fill.botId}, ${fill.marketId}, ${fill.tokenId}, ${fill.mode}::public.trade_type,
            ${formatShares(after.shares)}::numeric, ${average}::numeric, ${formatUsd(after.costBasis)}::numeric,
            ${formatUsd(after.realizedPnl)}::numeric)
          on conflict on constraint positions_holding_key do update set total_shares = excluded.total_shares,
            average_entry_price = excluded.average_entry_price, cost_basis_usd = excluded.cost_basis_usd,
            realized_pnl_usd = excluded.realized_pnl_usd`,
    ),
    selectRows(
      tx,
      sql`insert into public.bot_context (bot_id, context_json)
          values (${fill.botId}, jsonb_build_object('cumulative_pnl', ${realizedDelta}::text))
          on conflict (bot_id) do update set context_json = public.bot_context.context_json ||
            jsonb_build_object('cumulative_pnl', ((coalesce(public.bot_context.context_json ->> 'cumulative_pnl', '0'))::numeric
              + ${realizedDelta}::numeric)::text)`,
    ),
    settleIntent(tx, fill.orderId, "filled"),
  ]);
}

/**
 * Step 11: a `bot_failures` row with its type and the adaptation note the next evaluation reads, and the
 * lessons merged into `bot_context` (they can only tighten).
 */
export async function recordFailure(
  tx: Transaction,
  failure: { botId: string; type: FailureType; marketId: string | null; note: string; context: BotContext },
): Promise<void> {
  await Promise.all([
    selectRows(
      tx,
      sql`insert into public.bot_failures (bot_id, error_type, market_id, adaptation_note)
          values (${failure.botId}, ${failure.type}::public.bot_failure_type, ${failure.marketId}, ${failure.note.slice(0, 2000)})`,
    ),
    selectRows(
      tx,
      sql`insert into public.bot_context (bot_id, context_json) values (${failure.botId}, ${JSON.stringify(failure.context)}::jsonb)
          on conflict (bot_id) do update set context_json = excluded.context_json`,
    ),
  ]);
}
