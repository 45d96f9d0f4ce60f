import type { Price, Shares } from "../money/units.ts";

export interface BookLevel {
  readonly price: Price;
  readonly size: Shares;
}

/**
 * Levels in Polymarket's wire order: bids ascending and asks descending, so the BEST price of each side
 * is its LAST element. Keeping the wire order avoids copying and reversing on every update.
 */
export interface OrderBook {
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
  readonly tickSize: Price;
  readonly minOrderSize: Shares;
}

/** Polymarket's taker fee: fee = shares * rate * (p * (1 - p))^exponent, rate given in basis points. */
export interface FeeSchedule {
  readonly rateBps: number;
  readonly exponent: number;
}
