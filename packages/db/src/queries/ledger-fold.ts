import { applyFill, FLAT, type Position, price, shares, type Usd, usd } from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import type { Transaction } from "../client/with-user.ts";
import { ownedBotIds } from "./owned-bots.ts";
import { selectRows } from "./rows.ts";
import type { Mode } from "./trades-page.ts";

interface FillRow {
  readonly botId: string;
  readonly tokenId: string;
  readonly side: "buy" | "sell";
  readonly size: string;
  readonly price: string;
  readonly fee: string;
  readonly day: string;
}

/** Realized PnL per bot per UTC day (YYYY-MM-DD), micro-USD, net of fees. */
export type RealizedByDay = Map<string, Map<string, Usd>>;

/**
 * The reference fold: a user's ledger in one mode, in ledger order (seq), with the risk engine's accounting (average
 * cost, fees expensed), each fill's realized PnL booked to its day. It reads the whole history (a sale's PnL depends
 * on every earlier buy), so the dashboard reads `ledger_pnl_days` instead, which ledger-pnl.test.ts proves equal.
 */
export async function realizedPnlByDay(
  tx: Transaction,
  userId: string,
  mode: Mode,
  botId?: string,
): Promise<RealizedByDay> {
  const fills = await selectRows<FillRow>(
    tx,
    sql`select t.bot_id as "botId", coalesce(t.token_id, t.market_id) as "tokenId", t.action as side,
               t.size::text as size, t.execution_price::text as price, t.fee_usd::text as fee,
               to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD') as day
          from public.trade_logs t
         where t.bot_id in (${ownedBotIds(userId)}) and t.type = ${mode}::public.trade_type
           ${botId ? sql`and t.bot_id = ${botId}` : sql``}
         order by t.seq`,
  );
  const holdings = new Map<string, Position>();
  const byBot: RealizedByDay = new Map();
  for (const fill of fills) {
    const key = `${fill.botId}/${fill.tokenId}`;
    const before = holdings.get(key) ?? FLAT;
    const after = applyFill(before, {
      side: fill.side === "buy" ? "BUY" : "SELL",
      shares: shares(fill.size),
      price: price(fill.price),
      fee: usd(fill.fee),
    });
    holdings.set(key, after);
    const days = byBot.get(fill.botId) ?? new Map<string, Usd>();
    days.set(fill.day, ((days.get(fill.day) ?? 0n) + after.realizedPnl - before.realizedPnl) as Usd);
    byBot.set(fill.botId, days);
  }
  return byBot;
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
