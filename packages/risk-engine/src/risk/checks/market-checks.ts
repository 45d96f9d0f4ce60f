import { deny } from "../denial.ts";
import { type MeasuredCheck, reading } from "./risk-check.ts";

export const checkMarketKnown: MeasuredCheck = ({ market, intent }) =>
  reading(null, intent.marketId, market ? null : deny("MARKET_UNKNOWN", { marketId: intent.marketId }));

export const checkMarketOpen: MeasuredCheck = ({ market }) =>
  market
    ? reading(
        null,
        market.open ? "open" : "closed",
        market.open ? null : deny("MARKET_CLOSED", { marketId: market.id }),
      )
    : null;

// Categories are names people type ("politics") and exchanges print ("Politics"): compare them ignoring case.
export const checkCategory: MeasuredCheck = ({ market }, _snapshot, limits) => {
  const allowed = limits.allowedCategories;
  if (!market || allowed === null) return null;
  const category = market.category.toLowerCase();
  const denial = allowed.some((name) => name.toLowerCase() === category)
    ? null
    : deny("CATEGORY_NOT_ALLOWED", { category: market.category, allowed });
  return reading(allowed.join(", "), market.category, denial);
};

/** The value is the end of the block (epoch ms) when the market is blocked. */
export const checkAdaptationBlock: MeasuredCheck = (order) => {
  const until = order.blockedUntil;
  if (until === null) return reading(null, null, null);
  const denial = deny("MARKET_BLOCKED_BY_ADAPTATION", { marketId: order.intent.marketId, until });
  return reading(null, until, denial);
};
