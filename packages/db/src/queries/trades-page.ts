import { type SQL, sql } from "drizzle-orm";
import type { Transaction } from "../client/with-user.ts";
import { type Cursor, encodeCursor } from "./cursor.ts";
import { ownedBotIds } from "./owned-bots.ts";
import { selectRows } from "./rows.ts";

export type Mode = "paper" | "live";

export interface TradeFilter {
  readonly botId?: string;
  readonly marketId?: string;
  readonly mode?: Mode;
  readonly side?: "buy" | "sell";
  /** Inclusive lower bound. */
  readonly from?: Date;
  /** Exclusive upper bound. */
  readonly to?: Date;
}

export interface TradeRow {
  readonly id: string;
  readonly botId: string;
  readonly botName: string;
  readonly marketId: string;
  readonly tokenId: string | null;
  readonly mode: Mode;
  readonly side: "buy" | "sell";
  /** Exact decimal strings. */
  readonly size: string;
  readonly price: string;
  readonly feeUsd: string;
  readonly reasoning: string;
  readonly orderId: string | null;
  readonly createdAt: string;
  /** This row's position in the ledger order, for cursors and live-update replay. */
  readonly cursor: string;
}

export interface TradesPage {
  readonly items: TradeRow[];
  readonly nextCursor: string | null;
}

/** One page of a user's trades, newest first, by keyset on (created_at, id). */
export async function tradesPage(
  tx: Transaction,
  userId: string,
  filter: TradeFilter,
  page: { readonly limit: number; readonly before?: Cursor },
): Promise<TradesPage> {
  const conditions: SQL[] = [sql`t.bot_id in (${ownedBotIds(userId)})`];
  if (filter.botId) conditions.push(sql`t.bot_id = ${filter.botId}`);
  if (filter.marketId) conditions.push(sql`t.market_id = ${filter.marketId}`);
  if (filter.mode) conditions.push(sql`t.type = ${filter.mode}::public.trade_type`);
  if (filter.side) conditions.push(sql`t.action = ${filter.side}::public.trade_action`);
  if (filter.from) conditions.push(sql`t.created_at >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to) conditions.push(sql`t.created_at < ${filter.to.toISOString()}::timestamptz`);
  if (page.before) {
    conditions.push(
      sql`(t.created_at, t.id) < (to_timestamp(${page.before.micros}::numeric / 1000000), ${page.before.id}::uuid)`,
    );
  }
  const rows = await selectRows<TradeRow & { micros: string }>(
    tx,
    sql`select ${tradeColumns}
          from public.trade_logs t join public.bots b on b.id = t.bot_id
         where ${sql.join(conditions, sql` and `)}
         order by t.created_at desc, t.id desc
         limit ${page.limit + 1}`,
  );
  const items = rows.slice(0, page.limit).map(toTrade);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? last.cursor : null };
}

/** The user's trades after `after` (oldest first): what a reconnecting live-update client missed. */
export async function tradesAfter(
  tx: Transaction,
  userId: string,
  after: Cursor,
  filter: { readonly botId?: string },
  limit = 500,
): Promise<TradeRow[]> {
  const rows = await selectRows<TradeRow & { micros: string }>(
    tx,
    sql`select ${tradeColumns}
          from public.trade_logs t join public.bots b on b.id = t.bot_id
         where t.bot_id in (${ownedBotIds(userId)})
           ${filter.botId ? sql`and t.bot_id = ${filter.botId}` : sql``}
           and (t.created_at, t.id) > (to_timestamp(${after.micros}::numeric / 1000000), ${after.id}::uuid)
         order by t.created_at, t.id
         limit ${limit}`,
  );
  return rows.map(toTrade);
}

/** One trade by id, if it belongs to the user. */
export async function tradeById(tx: Transaction, userId: string, id: string): Promise<TradeRow | null> {
  const rows = await selectRows<TradeRow & { micros: string }>(
    tx,
    sql`select ${tradeColumns}
          from public.trade_logs t join public.bots b on b.id = t.bot_id
         where t.id = ${id} and t.bot_id in (${ownedBotIds(userId)})`,
  );
  return rows[0] ? toTrade(rows[0]) : null;
}

export const tradeColumns =
  sql.raw(`t.id, t.bot_id as "botId", b.name as "botName", t.market_id as "marketId",
  t.token_id as "tokenId", t.type as mode, t.action as side, t.size::text as size,
  t.execution_price::text as price, t.fee_usd::text as "feeUsd", t.ai_reasoning as reasoning,
  t.order_id as "orderId", to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
  (extract(epoch from t.created_at) * 1000000)::bigint::text as micros`);

export function toTrade(row: TradeRow & { micros: string }): TradeRow {
  const { micros, ...trade } = row;
  return { ...trade, cursor: encodeCursor({ micros, id: row.id }) };
}
