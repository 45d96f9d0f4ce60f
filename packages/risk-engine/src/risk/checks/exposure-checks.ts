import type { Usd } from "../../money/units.ts";
import { type Denial, deny } from "../denial.ts";
import { sharedPoolSize } from "../exposure.ts";
import { type PricedOrder, sharesWithin } from "../price-order.ts";
import { type CheckReading, type MeasuredCheck, reading } from "./risk-check.ts";

interface Overage {
  exposure: Usd;
  orderCost: Usd;
  maxShares: ReturnType<typeof sharesWithin>;
}

/**
 * Only a priced BUY adds exposure (the check does not apply to anything else). Limit: the cap; value:
 * exposure plus the order's worst-case cost. Reaching the limit exactly is allowed, one micro-USD over is not.
 */
function measureExposure(
  order: PricedOrder,
  exposure: Usd,
  limit: bigint,
  denyWith: (overage: Overage) => Denial,
): CheckReading | null {
  if (order.intent.side !== "BUY" || order.limitPrice === null) return null;
  const value = exposure + order.orderCost;
  if (value <= limit) return reading(limit, value, null);
  const overage = { exposure, orderCost: order.orderCost, maxShares: sharesWithin(limit - exposure, order) };
  return reading(limit, value, denyWith(overage));
}

export const checkPositionSize: MeasuredCheck = (order, _snapshot, limits) => {
  const maxPositionSize = limits.maxPositionSize;
  return measureExposure(order, order.exposure.market, maxPositionSize, (o) =>
    deny("MAX_POSITION_SIZE_EXCEEDED", { ...o, maxPositionSize }),
  );
};

export const checkBotBudget: MeasuredCheck = (order, _snapshot, limits) => {
  const budget = limits.riskBudget;
  if (limits.riskBudgetType !== "individual" || budget === null) return null;
  return measureExposure(order, order.exposure.bot, budget, (o) =>
    deny("BOT_RISK_BUDGET_EXCEEDED", { ...o, budget }),
  );
};

export const checkSharedBudget: MeasuredCheck = (order, snapshot, limits) => {
  const pool = limits.riskBudgetType === "shared" ? sharedPoolSize(snapshot.bots) : null;
  if (pool === null) return null;
  return measureExposure(order, order.exposure.shared, pool, (o) =>
    deny("SHARED_RISK_BUDGET_EXCEEDED", { ...o, pool }),
  );
};

export const checkGlobalBudget: MeasuredCheck = (order, _snapshot, limits) => {
  const budget = limits.globalRiskBudget;
  if (budget === null) return null;
  return measureExposure(order, order.exposure.global, budget, (o) =>
    deny("GLOBAL_RISK_BUDGET_EXCEEDED", { ...o, budget }),
  );
};
