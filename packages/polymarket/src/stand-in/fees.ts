import { divCeil, MICROS } from "@open-trade/risk-engine";

export interface FeeFill {
  readonly shares: bigint;
  readonly price: bigint;
}

/**
 * Polymarket's taker fee for one order, fee = sum of shares * rate * (p * (1 - p))^exponent over its fills
 * (reference V2 §3.3), in micro-USD. Summed exactly and rounded up once, as the risk engine's book walk
 * does, so paper fills and the stand-in charge the same fee for the same fills.
 */
export function takerFee(fills: readonly FeeFill[], rateBps: number, exponent: number): bigint {
  if (rateBps === 0) return 0n;
  const scale = (MICROS * MICROS) ** BigInt(exponent);
  let numerator = 0n;
  for (const { shares, price } of fills) numerator += shares * (price * (MICROS - price)) ** BigInt(exponent);
  return divCeil(numerator * BigInt(rateBps), 10_000n * scale);
}
