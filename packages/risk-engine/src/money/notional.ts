import { divCeil, divFloor } from "./divide.ts";
import { MICROS, type Price, type Shares, type Usd } from "./units.ts";

export type Rounding = "down" | "up";

/**
 * USD value of `quantity` shares at `at`. The product has 12 decimals, so it must be rounded to 6:
 * callers pick "up" for what they pay or risk, "down" for what they receive.
 */
export function notional(quantity: Shares, at: Price, rounding: Rounding): Usd {
  const exact = quantity * at;
  return (rounding === "up" ? divCeil(exact, MICROS) : divFloor(exact, MICROS)) as Usd;
}

/** How many micro-shares `amount` buys at `at`, never more than it can pay for. */
export function sharesFor(amount: Usd, at: Price): Shares {
  if (at === 0n || amount <= 0n) return 0n as Shares;
  return divFloor(amount * MICROS, at) as Shares;
}
