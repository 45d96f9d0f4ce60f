import type { Denial } from "../denial.ts";
import type { PricedOrder } from "../price-order.ts";
import type { RiskLimits, RiskSnapshot } from "../types.ts";

/**
 * A check is pure: it reads the priced order (the intent plus its book walk and exposure, computed once
 * per evaluation), the snapshot, the bot's limits and `now`, and returns a denial or null. It never throws
 * for a business outcome and never reads a clock.
 */
export type RiskCheck = (
  order: PricedOrder,
  snapshot: RiskSnapshot,
  limits: RiskLimits,
  now: number,
) => Denial | null;
