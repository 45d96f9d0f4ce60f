import { formatShares, LOT } from "@open-trade/risk-engine";
import { type SQL, sql } from "drizzle-orm";
import type { Transaction } from "../client/with-user.ts";
import { ownedBotIds } from "./owned-bots.ts";
import { selectRows } from "./rows.ts";
import type { Mode } from "./trades-page.ts";

export interface PositionRow {
  readonly botId: string | null;
  readonly botName: string | null;
  readonly marketId: string;
  readonly tokenId: string | null;
  readonly mode: Mode;
  /** Exact decimal strings. */
  readonly shares: string;
  readonly averageEntryPrice: string;
  readonly costBasisUsd: string;
  readonly realizedPnlUsd: string;
  readonly feesUsd: string;
  readonly updatedAt: string;
  /** The evaluation that made the holding's latest fill (its decision trace); null for fills without one. */
  readonly lastEvaluationId: string | null;
}

/**
 * A user's holdings: the runner keeps `positions` equal to the fold of the ledger (same transaction as the fill),
 * so this reads those rows and adds the fees paid, from the ledger's fold per holding (`ledger_holdings`, kept by the
 * ledger's insert trigger). Flat holdings with realized PnL are kept.
 */
export async function positionsOf(
  tx: Transaction,
  userId: string,
  filter: { readonly mode?: Mode; readonly botId?: string; readonly openOnly?: boolean } = {},
): Promise<PositionRow[]> {
  const conditions: SQL[] = [sql`p.user_id = ${userId}`];
  if (filter.mode) conditions.push(sql`p.type = ${filter.mode}::public.trade_type`);
  if (filter.botId) conditions.push(sql`p.bot_id = ${filter.botId}`);
  // Open means at least one 0.01-share lot: a remainder under it (dust) can never be sold and counts as closed.
  if (filter.openOnly) conditions.push(sql`p.total_shares >= ${formatShares(LOT)}::numeric`);
  return selectRows<PositionRow>(
    tx,
    sql`select p.bot_id as "botId", b.name as "botName", p.market_id as "marketId", p.token_id as "tokenId",
               p.type as mode, p.total_shares::text as shares, p.average_entry_price::text as "averageEntryPrice",
               p.cost_basis_usd::text as "costBasisUsd", p.realized_pnl_usd::text as "realizedPnlUsd",
               coalesce(h.fees_usd, 0)::text as "feesUsd", h.last_evaluation_id as "lastEvaluationId",
               to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt"
          from public.positions p
          left join public.bots b on b.id = p.bot_id
          left join public.ledger_holdings h
            on h.bot_id = p.bot_id and h.type = p.type and h.token_key = coalesce(p.token_id, p.market_id)
           and h.bot_id in (${ownedBotIds(userId)})
         where ${sql.join(conditions, sql` and `)}
         order by p.updated_at desc`,
  );
}
