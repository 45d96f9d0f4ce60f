import { applyFill, FLAT, type Position, type Price, type Shares, type Usd } from "@open-trade/risk-engine";
import type { LedgerFill } from "../pipeline/bot-state.ts";

export interface Holding {
  readonly marketId: string;
  readonly tokenId: string;
  readonly position: Position;
  /** When the current (non-flat) holding was opened, for time exits. */
  readonly openedAtMs: number;
}

/** The ledger folded per token with the risk engine's accounting: what positions rows must equal, exactly. */
export function foldHoldings(
  fills: readonly LedgerFill[],
  untilMs = Number.POSITIVE_INFINITY,
): Map<string, Holding> {
  const holdings = new Map<string, Holding>();
  for (const fill of fills) {
    if (fill.atMs >= untilMs) continue;
    const held = holdings.get(fill.tokenId);
    const before = held?.position ?? FLAT;
    const position = applyFill(before, {
      side: fill.side,
      shares: fill.shares as Shares,
      price: fill.price as Price,
      fee: fill.fee as Usd,
    });
    const openedAtMs = before.shares === 0n ? fill.atMs : (held?.openedAtMs ?? fill.atMs);
    holdings.set(fill.tokenId, { marketId: fill.marketId, tokenId: fill.tokenId, position, openedAtMs });
  }
  return holdings;
}
