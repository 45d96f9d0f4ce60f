import { divCeil } from "../money/divide.ts";
import type { Price, Shares, Side, Usd } from "../money/units.ts";

/**
 * A holding of one outcome token, kept as cost basis rather than average price so that no rounding
 * accumulates: the average entry price is derived on demand.
 */
export interface Position {
  readonly shares: Shares;
  /** What the shares still held cost, excluding fees. */
  readonly costBasis: Usd;
  /** Realized PnL net of fees. */
  readonly realizedPnl: Usd;
}

export interface Fill {
  readonly side: Side;
  readonly shares: Shares;
  readonly price: Price;
  /** Fee paid on this fill; it is an expense booked to realized PnL, never to cost basis. */
  readonly fee: Usd;
}

export const FLAT: Position = { shares: 0n as Shares, costBasis: 0n as Usd, realizedPnl: 0n as Usd };

/** Average entry price rounded up (a conservative break-even), null when flat. */
export function averageEntryPrice(position: Position): Price | null {
  if (position.shares === 0n) return null;
  return divCeil(position.costBasis * 1_000_000n, position.shares) as Price;
}
