import {
  applyFill,
  FLAT,
  isDust,
  type Position,
  type Price,
  price,
  type Shares,
  shares,
  type Usd,
  usd,
} from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import type { Transaction } from "../client/with-user.ts";
import { selectRows } from "./rows.ts";
import type { Mode } from "./trades-page.ts";

/** One ledger row of a bot, exact. */
export interface LedgerFill {
  readonly mode: Mode;
  readonly marketId: string;
  readonly tokenId: string;
  readonly side: "BUY" | "SELL";
  readonly shares: Shares;
  readonly price: Price;
  readonly fee: Usd;
  readonly atMs: number;
}

/** What a bot holds of one outcome token, folded from its ledger. */
export interface LedgerHolding {
  readonly marketId: string;
  readonly tokenId: string;
  readonly position: Position;
  /** When the current (non-flat) holding was opened, for time exits. */
  readonly openedAtMs: number;
}

interface FillRow {
  mode: Mode;
  market_id: string;
  token_id: string;
  action: "buy" | "sell";
  size: string;
  price: string;
  fee: string;
  at_ms: number;
}

/**
 * A bot's ledger, oldest first, exact; in one mode when `mode` is given. Fold one mode at a time: a bot gone live
 * from paper holds nothing real yet, so its paper trades must not count as live holdings, trades today or PnL.
 */
export async function ledgerFills(tx: Transaction, botId: string, mode?: Mode): Promise<LedgerFill[]> {
  const rows = await selectRows<FillRow>(
    tx,
    sql`select type::text as mode, market_id, token_id, action::text as action, size::text as size, execution_price::text as price,
               fee_usd::text as fee, (extract(epoch from created_at) * 1000)::float8 as at_ms
          from public.trade_logs where bot_id = ${botId} ${mode ? sql`and type = ${mode}::public.trade_type` : sql``}
           and token_id is not null order by created_at, id`,
  );
  return rows.map((f) => ({
    mode: f.mode,
    marketId: f.market_id,
    tokenId: f.token_id,
    side: f.action === "buy" ? "BUY" : "SELL",
    shares: shares(f.size),
    price: price(f.price),
    fee: usd(f.fee),
    atMs: f.at_ms,
  }));
}

/** The ledger folded per token with the risk engine's accounting: what positions rows must equal, exactly. */
export function foldHoldings(
  fills: readonly LedgerFill[],
  untilMs = Number.POSITIVE_INFINITY,
): Map<string, LedgerHolding> {
  const holdings = new Map<string, LedgerHolding>();
  for (const fill of fills) {
    if (fill.atMs >= untilMs) continue;
    const held = holdings.get(fill.tokenId);
    const before = held?.position ?? FLAT;
    const position = applyFill(before, fill);
    const openedAtMs = isDust(before.shares) ? fill.atMs : (held?.openedAtMs ?? fill.atMs);
    holdings.set(fill.tokenId, { marketId: fill.marketId, tokenId: fill.tokenId, position, openedAtMs });
  }
  return holdings;
}
