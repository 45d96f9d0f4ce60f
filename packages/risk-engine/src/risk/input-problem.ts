import { MICROS } from "../money/units.ts";
import type { MarketSnapshot, OrderIntent, RiskLimits, RiskSnapshot } from "./types.ts";

const isCount = (v: unknown): boolean => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isTime = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v);
const isBigintOrNull = (v: unknown): boolean => v === null || typeof v === "bigint";

/** A market's book must have a usable tick: every limit price the engine sends is derived from it. */
function isMarket(market: MarketSnapshot | null): boolean {
  if (market === null) return true;
  const book = market.book as MarketSnapshot["book"] | undefined;
  return (
    typeof book === "object" &&
    book !== null &&
    Array.isArray(book.bids) &&
    Array.isArray(book.asks) &&
    typeof book.tickSize === "bigint" &&
    book.tickSize > 0n &&
    book.tickSize < MICROS &&
    typeof book.minOrderSize === "bigint"
  );
}

function intentField(i: OrderIntent): string | null {
  if (typeof i.botId !== "string") return "botId";
  if (typeof i.marketId !== "string") return "marketId";
  if (i.side !== "BUY" && i.side !== "SELL") return "side";
  if (typeof i.shares !== "bigint") return "shares";
  if (i.limitPrice !== undefined && typeof i.limitPrice !== "bigint") return "limitPrice";
  return null;
}

function snapshotField(s: RiskSnapshot): string | null {
  if (!isTime(s.now)) return "now";
  if (typeof s.market !== "object" || !isMarket(s.market)) return "market";
  if (!Array.isArray(s.positions)) return "positions";
  if (!Array.isArray(s.openOrders)) return "openOrders";
  if (!Array.isArray(s.bots)) return "bots";
  if (typeof s.pnlToday !== "bigint") return "pnlToday";
  if (s.dailyLossReachedAt !== null && !isTime(s.dailyLossReachedAt)) return "dailyLossReachedAt";
  if (typeof s.halted !== "boolean") return "halted";
  if (!isCount(s.tradesToday)) return "tradesToday";
  if (!Array.isArray(s.recentOrderTimes)) return "recentOrderTimes";
  if (typeof s.lock !== "object") return "lock";
  if (!Array.isArray(s.adaptations)) return "adaptations";
  return null;
}

function limitsField(l: RiskLimits): string | null {
  if (typeof l.maxDailyLoss !== "bigint") return "maxDailyLoss";
  if (typeof l.maxPositionSize !== "bigint") return "maxPositionSize";
  if (!isCount(l.maxSlippageBps)) return "maxSlippageBps";
  if (!isCount(l.maxTradesPerDay)) return "maxTradesPerDay";
  if (!isCount(l.maxOrdersPerMinute)) return "maxOrdersPerMinute";
  if (!isCount(l.maxConcurrentMarkets)) return "maxConcurrentMarkets";
  if (l.allowedCategories !== null && !Array.isArray(l.allowedCategories)) return "allowedCategories";
  if (!isBigintOrNull(l.riskBudget)) return "riskBudget";
  if (l.riskBudgetType !== "individual" && l.riskBudgetType !== "shared") return "riskBudgetType";
  if (!isBigintOrNull(l.globalRiskBudget)) return "globalRiskBudget";
  if (typeof l.maxDailyLlmCost !== "bigint") return "maxDailyLlmCost";
  if (!Number.isInteger(l.dayBoundaryOffsetMinutes)) return "dayBoundaryOffsetMinutes";
  return null;
}

const isObject = (v: unknown): boolean => typeof v === "object" && v !== null;

const problem = (what: string, field: string) =>
  `The ${what} is malformed at ${field}; build it with this package's types.`;

/**
 * Why the top-level inputs cannot be evaluated, or null. A missing limit must never read as "no limit"
 * (`x > undefined` is false in JS), so the scalar fields are checked before any comparison runs.
 */
export function inputProblem(intent: OrderIntent, snapshot: RiskSnapshot, limits: RiskLimits): string | null {
  if (!isObject(intent)) return problem("order intent", "(the whole object)");
  const i = intentField(intent);
  if (i !== null) return problem("order intent", i);
  if (!isObject(snapshot)) return problem("snapshot", "(the whole object)");
  const s = snapshotField(snapshot);
  if (s !== null) return problem("snapshot", s);
  if (!isObject(limits)) return problem("limits", "(the whole object)");
  const l = limitsField(limits);
  return l === null ? null : problem("limits", l);
}
