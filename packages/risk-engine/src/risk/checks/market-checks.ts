import { deny } from "../denial.ts";
import type { RiskCheck } from "./risk-check.ts";

const knownMarket = (order: Parameters<RiskCheck>[0], snapshot: Parameters<RiskCheck>[1]) =>
  snapshot.market !== null && snapshot.market.id === order.intent.marketId ? snapshot.market : null;

export const checkMarketKnown: RiskCheck = (order, snapshot) =>
  knownMarket(order, snapshot) ? null : deny("MARKET_UNKNOWN", { marketId: order.intent.marketId });

export const checkMarketOpen: RiskCheck = (order, snapshot) => {
  const market = knownMarket(order, snapshot);
  return market && !market.open ? deny("MARKET_CLOSED", { marketId: market.id }) : null;
};

export const checkCategory: RiskCheck = (order, snapshot, limits) => {
  const market = knownMarket(order, snapshot);
  const allowed = limits.allowedCategories;
  if (!market || allowed === null || allowed.includes(market.category)) return null;
  return deny("CATEGORY_NOT_ALLOWED", { category: market.category, allowed });
};

export const checkAdaptationBlock: RiskCheck = (order) =>
  order.blockedUntil === null
    ? null
    : deny("MARKET_BLOCKED_BY_ADAPTATION", { marketId: order.intent.marketId, until: order.blockedUntil });
