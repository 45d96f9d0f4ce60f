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
  /** The evaluation whose decision made this fill (its trace); null for fills recorded without one. */
  readonly evaluationId: string | null;
  readonly createdAt: string;
  /** Keyset cursor over (created_at, id), for paging. */
  readonly cursor: string;
  /** The ledger's insertion order (per user, commit order), decimal: live updates are tracked and replayed by it. */
  readonly seq: string;
}

export interface TradesPage {
  readonly items: TradeRow[];
  readonly nextCursor: string | null;
}

/**
 * One page of a user's trades, newest first, by keyset on (created_at, id). Each of the user's bots contributes its
 * newest `limit + 1` matches from the (bot_id, created_at desc, id desc) index (index-only when only bot and time
 * filter), the page is cut from those, and only its rows are read from the table: a user's whole history is never
 * sorted.
 */
export async function tradesPage(
  tx: Transaction,
  userId: string,
  filter: TradeFilter,
  page: { readonly limit: number; readonly before?: Cursor },
): Promise<TradesPage> {
  const conditions: SQL[] = [sql`t.bot_id = b.id`];
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
    sql`with page as (
          select x.id, x.created_at, b.name from public.bots b
           cross join lateral (
             select t.id, t.created_at from public.trade_logs t
              where ${sql.join(conditions, sql` and `)}
              order by t.created_at desc, t.id desc
              limit ${page.limit + 1}
           ) x
           where b.user_id = ${userId} ${filter.botId ? sql`and b.id = ${filter.botId}` : sql``}
           order by x.created_at desc, x.id desc
           limit ${page.limit + 1}
        )
        select ${tradeColumns}
          from page b join public.trade_logs t on t.id = b.id -- "b": tradeColumns reads the bot's name as b.name
         order by b.created_at desc, b.id desc`,
  );
  const items = rows.slice(0, page.limit).map(toTrade);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? last.cursor : null };
}

/**
 * The user's trades after ledger sequence `afterSeq` (oldest first): what a reconnecting live-update client missed.
 * By seq, not created_at: a fill committed late can carry an earlier created_at than one the client already saw.
 */
export async function tradesAfter(
  tx: Transaction,
  userId: string,
  afterSeq: string,
  filter: { readonly botId?: string },
  limit = 500,
): Promise<TradeRow[]> {
  const rows = await selectRows<TradeRow & { micros: string }>(
    tx,
    sql`select ${tradeColumns}
          from public.trade_logs t join public.bots b on b.id = t.bot_id
         where t.bot_id in (${ownedBotIds(userId)})
           ${filter.botId ? sql`and t.bot_id = ${filter.botId}` : sql``}
           and t.seq > ${afterSeq}::bigint
         order by t.seq
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
  t.order_id as "orderId", t.seq::text as seq, t.evaluation_id as "evaluationId",
  to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
  (extract(epoch from t.created_at) * 1000000)::bigint::text as micros`);

export function toTrade(row: TradeRow & { micros: string }): TradeRow {
  const { micros, ...trade } = row;
  return { ...trade, cursor: encodeCursor({ micros, id: row.id }) };
}
