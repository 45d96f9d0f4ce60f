import { deny } from "../denial.ts";
import type { RiskCheck } from "./risk-check.ts";

export const checkMarketKnown: RiskCheck = ({ market, intent }) =>
  market ? null : deny("MARKET_UNKNOWN", { marketId: intent.marketId });

export const checkMarketOpen: RiskCheck = ({ market }) =>
  market && !market.open ? deny("MARKET_CLOSED", { marketId: market.id }) : null;

// Categories are names people type ("politics") and exchanges print ("Politics"): compare them ignoring case.
export const checkCategory: RiskCheck = ({ market }, _snapshot, limits) => {
  const allowed = limits.allowedCategories;
  if (!market || allowed === null) return null;
  const category = market.category.toLowerCase();
  if (allowed.some((name) => name.toLowerCase() === category)) return null;
  return deny("CATEGORY_NOT_ALLOWED", { category: market.category, allowed });
};

export const checkAdaptationBlock: RiskCheck = (order) =>
  order.blockedUntil === null
    ? null
    : deny("MARKET_BLOCKED_BY_ADAPTATION", { marketId: order.intent.marketId, until: order.blockedUntil });
