import { MoneyError } from "./money-error.ts";

/** Micro-units per unit: USDC and Polymarket outcome tokens both have 6 decimals. */
export const MICROS = 1_000_000n;

/** Micro-USD. May be negative (PnL). */
export type Usd = bigint & { readonly __unit: "usd" };
/** Micro-USD per share, 0..1_000_000 inclusive. */
export type Price = bigint & { readonly __unit: "price" };
/** Micro-shares, never negative. */
export type Shares = bigint & { readonly __unit: "shares" };

export type Side = "BUY" | "SELL";

export function usdMicros(micros: bigint): Usd {
  return micros as Usd;
}

export function priceMicros(micros: bigint): Price {
  if (micros < 0n || micros > MICROS) {
    throw new MoneyError("OUT_OF_RANGE", `A price must be between 0 and 1; got ${micros} micro-USD.`);
  }
  return micros as Price;
}

export function sharesMicros(micros: bigint): Shares {
  if (micros < 0n) {
    throw new MoneyError("OUT_OF_RANGE", `A share quantity cannot be negative; got ${micros} micro-shares.`);
  }
  return micros as Shares;
}
