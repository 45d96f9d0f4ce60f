import { MoneyError } from "./money-error.ts";
import { parseScaled } from "./parse-scaled.ts";
import { MICROS, type Price, type Shares, type Usd } from "./units.ts";

const DECIMALS = 6;

/** Parses a USD amount such as "12.5" or "-3" into micro-USD. */
export function usd(input: string): Usd {
  return parseScaled(input, DECIMALS, "USD amount") as Usd;
}

/** Parses a price such as "0.49" into micro-USD per share; it must lie in 0..1. */
export function price(input: string): Price {
  const micros = parseScaled(input, DECIMALS, "price");
  if (micros < 0n || micros > MICROS) {
    throw new MoneyError("OUT_OF_RANGE", `The price "${input}" is outside 0..1; a share pays at most 1 USD.`);
  }
  return micros as Price;
}

/** Parses a share quantity such as "100" into micro-shares; it cannot be negative. */
export function shares(input: string): Shares {
  const micros = parseScaled(input, DECIMALS, "share quantity");
  if (micros < 0n) {
    throw new MoneyError("OUT_OF_RANGE", `The share quantity "${input}" is negative; give zero or more.`);
  }
  return micros as Shares;
}
