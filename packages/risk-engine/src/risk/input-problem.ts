import { MICROS } from "../money/units.ts";
import type { OrderIntent, RiskLimits, RiskSnapshot } from "./types.ts";

type Shape = Record<string, (value: unknown) => boolean>;

const isBigint = (v: unknown) => typeof v === "bigint";
const isBigintOrNull = (v: unknown) => v === null || typeof v === "bigint";
const isCount = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isTime = (v: unknown) => typeof v === "number" && Number.isFinite(v);

/** A market's book must have a usable tick: every limit price the engine sends is derived from it. */
const isMarket = (v: unknown): boolean => {
  if (v === null) return true;
  const book = (
    v as { book?: { tickSize?: unknown; minOrderSize?: unknown; bids?: unknown; asks?: unknown } }
  )?.book;
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
};

const INTENT: Shape = {
  botId: (v) => typeof v === "string",
  marketId: (v) => typeof v === "string",
  side: (v) => v === "BUY" || v === "SELL",
  shares: isBigint,
  limitPrice: (v) => v === undefined || typeof v === "bigint",
};

const SNAPSHOT: Shape = {
  now: isTime,
  market: isMarket,
  positions: Array.isArray,
  openOrders: Array.isArray,
  bots: Array.isArray,
  pnlToday: isBigint,
  dailyLossReachedAt: (v) => v === null || isTime(v),
  halted: (v) => typeof v === "boolean",
  tradesToday: isCount,
  recentOrderTimes: Array.isArray,
  lock: (v) => v === null || typeof v === "object",
  adaptations: Array.isArray,
};

const LIMITS: Shape = {
  maxDailyLoss: isBigint,
  maxPositionSize: isBigint,
  maxSlippageBps: isCount,
  maxTradesPerDay: isCount,
  maxOrdersPerMinute: isCount,
  maxConcurrentMarkets: isCount,
  allowedCategories: (v) => v === null || Array.isArray(v),
  riskBudget: isBigintOrNull,
  riskBudgetType: (v) => v === "individual" || v === "shared",
  globalRiskBudget: isBigintOrNull,
  maxDailyLlmCost: isBigint,
  dayBoundaryOffsetMinutes: (v) => typeof v === "number" && Number.isInteger(v),
};

// Entries are taken once, not per call: this runs before every order.
const SHAPES = {
  intent: Object.entries(INTENT),
  snapshot: Object.entries(SNAPSHOT),
  limits: Object.entries(LIMITS),
};

function badField(value: unknown, shape: readonly [string, (value: unknown) => boolean][]): string | null {
  if (typeof value !== "object" || value === null) return "(the whole object)";
  for (const [field, ok] of shape) {
    if (!ok((value as Record<string, unknown>)[field])) return field;
  }
  return null;
}

/**
 * Why the top-level inputs cannot be evaluated, or null. A missing limit must never read as "no limit"
 * (`x > undefined` is false in JS), so the scalar fields are checked before any comparison runs.
 */
export function inputProblem(intent: OrderIntent, snapshot: RiskSnapshot, limits: RiskLimits): string | null {
  const where: [string, string | null][] = [
    ["order intent", badField(intent, SHAPES.intent)],
    ["snapshot", badField(snapshot, SHAPES.snapshot)],
    ["limits", badField(limits, SHAPES.limits)],
  ];
  for (const [what, field] of where) {
    if (field !== null) return `The ${what} is malformed at ${field}; build it with this package's types.`;
  }
  return null;
}
