import { deny } from "../denial.ts";
import type { RiskCheck } from "./risk-check.ts";

export const checkMarketKnown: RiskCheck = ({ market, intent }) =>
  market ? null : deny("MARKET_UNKNOWN", { marketId: intent.marketId });

export const checkMarketOpen: RiskCheck = ({ market }) =>
  market && !market.open ? deny("MARKET_CLOSED", { marketId: market.id }) : null;

export const checkCategory: RiskCheck = ({ market }, _snapshot, limits) => {
  const allowed = limits.allowedCategories;
  if (!market || allowed === null || allowed.includes(market.category)) return null;
  return deny("CATEGORY_NOT_ALLOWED", { category: market.category, allowed });
};

export const checkAdaptationBlock: RiskCheck = (order) =>
  order.blockedUntil === null
    ? null
    : deny("MARKET_BLOCKED_BY_ADAPTATION", { marketId: order.intent.marketId, until: order.blockedUntil });
