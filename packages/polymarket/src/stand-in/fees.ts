import { MICROS, mulDivCeil } from "./micros.ts";

/**
 * Polymarket's taker fee, fee = shares * rate * (p * (1 - p))^exponent (reference §3.3), in micro-USD.
 * Computed as one exact fraction and rounded up once, so the exchange never under-charges by rounding.
 */
export function takerFee(shares: bigint, price: bigint, rateBps: number, exponent: number): bigint {
  if (rateBps === 0 || shares === 0n) return 0n;
  const curve = price * (MICROS - price); // (p(1-p)) scaled by 10^12
  let numerator = shares * BigInt(rateBps);
  let denominator = 10_000n;
  for (let i = 0; i < exponent; i += 1) {
    numerator *= curve;
    denominator *= MICROS * MICROS;
  }
  return mulDivCeil(numerator, 1n, denominator);
}
