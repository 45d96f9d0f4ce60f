import type { Transaction } from "@open-trade/db";
import {
  applyFill,
  averageEntryPrice,
  formatPrice,
  formatShares,
  formatUsd,
  type Price,
  price,
  type Shares,
  type Side,
  shares,
  type Usd,
  usd,
} from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import { at, sqlRows } from "../db/sql-rows.ts";

export interface FillToRecord {
  readonly botId: string;
  readonly userId: string;
  readonly mode: "paper" | "live";
  readonly marketId: string;
  readonly tokenId: string;
  readonly orderId: string;
  readonly side: Side;
  readonly shares: Shares;
  readonly price: Price;
  readonly fee: Usd;
  readonly reasoning: string;
  readonly recipe: unknown;
}

/**
 * Step 10, inside the caller's transaction: the ledger row, the position update and the memory update.
 * The fill key is the order id, unique in trade_logs, so recording the same order twice (a retry, a
 * reconciliation after a crash) is a no-op that returns false. The position is the risk engine's fold of
 * exactly the values written to the ledger row, so positions always equal the fold of their ledger rows.
 */
export async function recordFill(tx: Transaction, fill: FillToRecord, nowMs: number): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${fill.userId}))`);
  const inserted = await sqlRows<{ id: string }>(
    tx,
    sql`insert into public.trade_logs (bot_id, market_id, type, action, size, execution_price, ai_reasoning,
          recipe_snapshot, token_id, fee_usd, order_id, fill_key, created_at)
        values (${fill.botId}, ${fill.marketId}, ${fill.mode}::public.trade_type,
          ${fill.side === "BUY" ? "buy" : "sell"}::public.trade_action, ${formatShares(fill.shares)}::numeric,
          ${formatPrice(fill.price)}::numeric, ${fill.reasoning.slice(0, 4000)}, ${JSON.stringify(fill.recipe ?? {})}::jsonb,
          ${fill.tokenId}, ${formatUsd(fill.fee)}::numeric, ${fill.orderId}, ${fill.orderId}, ${at(nowMs)}::timestamptz)
        on conflict (fill_key) do nothing returning id`,
  );
  if (inserted.length === 0) return false;
  const [held] = await sqlRows<{ shares: string; basis: string; realized: string }>(
    tx,
    sql`select total_shares::text as shares, cost_basis_usd::text as basis, realized_pnl_usd::text as realized
          from public.positions
         where user_id = ${fill.userId} and bot_id = ${fill.botId} and market_id = ${fill.marketId}
           and token_id = ${fill.tokenId} and type = ${fill.mode}::public.trade_type for update`,
  );
  const before = held
    ? { shares: shares(held.shares), costBasis: usd(held.basis), realizedPnl: usd(held.realized) }
    : { shares: 0n as Shares, costBasis: 0n as Usd, realizedPnl: 0n as Usd };
  const after = applyFill(before, { side: fill.side, shares: fill.shares, price: fill.price, fee: fill.fee });
  const average = formatPrice(averageEntryPrice(after) ?? price("0"));
  await tx.execute(sql`insert into public.positions (user_id, bot_id, market_id, token_id, type, total_shares,
        average_entry_price, cost_basis_usd, realized_pnl_usd)
      values (${fill.userId}, ${fill.botId}, ${fill.marketId}, ${fill.tokenId}, ${fill.mode}::public.trade_type,
        ${formatShares(after.shares)}::numeric, ${average}::numeric, ${formatUsd(after.costBasis)}::numeric,
        ${formatUsd(after.realizedPnl)}::numeric)
      on conflict on constraint positions_holding_key do update set total_shares = excluded.total_shares,
        average_entry_price = excluded.average_entry_price, cost_basis_usd = excluded.cost_basis_usd,
        realized_pnl_usd = excluded.realized_pnl_usd`);
  const realizedDelta = after.realizedPnl - before.realizedPnl;
  await tx.execute(sql`insert into public.bot_context (bot_id, context_json)
      values (${fill.botId}, jsonb_build_object('cumulative_pnl', ${formatUsd(realizedDelta as Usd)}::text))
      on conflict (bot_id) do update set context_json = public.bot_context.context_json ||
        jsonb_build_object('cumulative_pnl', ((coalesce(public.bot_context.context_json ->> 'cumulative_pnl', '0'))::numeric
          + ${formatUsd(realizedDelta as Usd)}::numeric)::text)`);
  await tx.execute(sql`update public.order_intents set status = 'filled' where order_id = ${fill.orderId}`);
  return true;
}
