import type { Denial } from "../denial.ts";
import type { PricedOrder } from "../price-order.ts";
import type { RiskLimits, RiskSnapshot } from "../types.ts";

/** A measured amount: bigint micro-units (USD, price or shares), a count, or a name. */
export type Measure = bigint | number | string;

/**
 * What one check found for one order: the limit it compared against, the value it measured, and its
 * verdict (a denial, or null when the order passes). `limit` is null for checks without a number to
 * compare (the market is known, the kill switch); `value` is null when there is nothing to show.
 */
export interface CheckReading {
  readonly limit: Measure | null;
  readonly value: Measure | null;
  readonly denial: Denial | null;
}

/**
 * A check is pure: it reads the priced order (the intent plus its book walk and exposure, computed once
 * per evaluation), the snapshot, the bot's limits and `now`, and returns its reading, or null when it does
 * not apply to this order (a SELL adds no exposure, a market without a book has no liquidity to measure).
 * The same code decides and measures. It never throws for a business outcome and never reads a clock.
 */
export type MeasuredCheck = (
  order: PricedOrder,
  snapshot: RiskSnapshot,
  limits: RiskLimits,
  now: number,
) => CheckReading | null;

/** A check's verdict alone: a denial or null (null also when it does not apply). */
export type RiskCheck = (
  order: PricedOrder,
  snapshot: RiskSnapshot,
  limits: RiskLimits,
  now: number,
) => Denial | null;

export const reading = (
  limit: Measure | null,
  value: Measure | null,
  denial: Denial | null,
): CheckReading => ({ limit, value, denial });
