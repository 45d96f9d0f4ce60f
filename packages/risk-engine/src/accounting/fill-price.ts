import { divCeil, divFloor } from "../money/divide.ts";
import { MICROS, type Price, type Shares, type Side, type Usd } from "../money/units.ts";

/**
 * The price a fill is booked at: its volume-weighted average on the micro grid, rounded against the
 * trader (up on a buy, down on a sell), so the ledger never shows a better price than was obtained.
 * `cost` is what the shares cost before fees.
 */
export function averageFillPrice(side: Side, cost: Usd, filled: Shares): Price {
  return roundAgainst(side, cost * MICROS, filled);
}

/** The same price from the exchange's individual trades, summed exactly before the one rounding. */
export function tradesFillPrice(side: Side, trades: readonly { shares: Shares; price: Price }[]): Price {
  const filled = trades.reduce((sum, t) => sum + t.shares, 0n);
  const exact = trades.reduce((sum, t) => sum + t.shares * t.price, 0n);
  return roundAgainst(side, exact, filled);
}

function roundAgainst(side: Side, numerator: bigint, filled: bigint): Price {
  if (filled <= 0n) throw new RangeError("A fill price needs a positive filled size.");
  return (side === "BUY" ? divCeil(numerator, filled) : divFloor(numerator, filled)) as Price;
}
