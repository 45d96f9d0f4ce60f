import type { Usd } from "../../money/units.ts";
import { deny } from "../denial.ts";
import { sharedPoolSize } from "../exposure.ts";
import { type PricedOrder, sharesWithin } from "../price-order.ts";
import type { RiskCheck } from "./risk-check.ts";

/** Only a priced BUY adds exposure; reaching a limit exactly is allowed, one micro-USD over is not. */
const exceeds = (order: PricedOrder, exposure: bigint, limit: bigint): boolean =>
  order.intent.side === "BUY" && order.limitPrice !== null && exposure + order.orderCost > limit;

const overage = (order: PricedOrder, exposure: Usd, limit: bigint) => ({
  exposure,
  orderCost: order.orderCost,
  maxShares: sharesWithin(limit - exposure, order),
});

export const checkPositionSize: RiskCheck = (order, _snapshot, limits) => {
  const { market } = order.exposure;
  if (!exceeds(order, market, limits.maxPositionSize)) return null;
  return deny("MAX_POSITION_SIZE_EXCEEDED", {
    ...overage(order, market, limits.maxPositionSize),
    maxPositionSize: limits.maxPositionSize,
  });
};

export const checkBotBudget: RiskCheck = (order, _snapshot, limits) => {
  const budget = limits.riskBudget;
  const { bot } = order.exposure;
  if (limits.riskBudgetType !== "individual" || budget === null || !exceeds(order, bot, budget)) return null;
  return deny("BOT_RISK_BUDGET_EXCEEDED", { ...overage(order, bot, budget), budget });
};

export const checkSharedBudget: RiskCheck = (order, snapshot, limits) => {
  if (limits.riskBudgetType !== "shared") return null;
  const pool = sharedPoolSize(snapshot.bots);
  const { shared } = order.exposure;
  if (pool === null || !exceeds(order, shared, pool)) return null;
  return deny("SHARED_RISK_BUDGET_EXCEEDED", { ...overage(order, shared, pool), pool });
};

export const checkGlobalBudget: RiskCheck = (order, _snapshot, limits) => {
  const budget = limits.globalRiskBudget;
  const { global } = order.exposure;
  if (budget === null || !exceeds(order, global, budget)) return null;
  return deny("GLOBAL_RISK_BUDGET_EXCEEDED", { ...overage(order, global, budget), budget });
};
