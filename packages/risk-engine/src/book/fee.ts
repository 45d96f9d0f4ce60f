import { MoneyError } from "../money/money-error.ts";
import type { FeeSchedule } from "./order-book.ts";

const PRICE_SQUARED_SCALE = 1_000_000_000_000n;
const BPS_SCALE = 10_000n;

export interface FeeTerms {
  readonly rateBps: bigint;
  readonly exponent: number;
  /** Divides the summed numerators: 10^4 for bps times (10^12)^exponent for p*(1-p) in micro-units. */
  readonly denominator: bigint;
}

/** Validates a fee schedule once so the per-level loop only multiplies. */
export function feeTerms(schedule: FeeSchedule): FeeTerms {
  const { rateBps, exponent } = schedule;
  if (!Number.isSafeInteger(rateBps) || rateBps < 0 || !Number.isSafeInteger(exponent) || exponent < 0) {
    throw new MoneyError(
      "OUT_OF_RANGE",
      `A fee schedule needs a whole, non-negative rateBps and exponent; got ${rateBps} and ${exponent}.`,
    );
  }
  return {
    rateBps: BigInt(rateBps),
    exponent,
    denominator: BPS_SCALE * PRICE_SQUARED_SCALE ** BigInt(exponent),
  };
}

/** Numerator of one level's fee, (micro-shares) * (p * (1e6 - p))^exponent; the rate is applied once at the end. */
export function feeWeight(priceMicros: bigint, exponent: number): bigint {
  const spread = priceMicros * (1_000_000n - priceMicros);
  let weight = 1n;
  for (let i = 0; i < exponent; i++) weight *= spread;
  return weight;
}
