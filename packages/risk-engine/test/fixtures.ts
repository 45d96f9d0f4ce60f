import { applyAdaptations } from "../src/adaptation/apply-adaptations.ts";
import type { BookLevel, OrderBook } from "../src/book/order-book.ts";
import type { Price, Shares, Usd } from "../src/money/units.ts";
import type { MeasuredCheck } from "../src/risk/checks/risk-check.ts";
import { priceOrder } from "../src/risk/price-order.ts";
import { tradingState } from "../src/risk/trading-state.ts";
import type { OrderIntent, RiskLimits, RiskSnapshot } from "../src/risk/types.ts";

export const BOT = "bot-1";
export const OTHER_BOT = "bot-2";
export const MARKET = "market-1";
export const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

export const u = (n: number | bigint) => BigInt(n) as Usd;
export const s = (n: number | bigint) => BigInt(n) as Shares;
export const p = (n: number | bigint) => BigInt(n) as Price;
/** Whole units to micro-units. */
export const M = 1_000_000n;

/** `count` levels of 100 shares per side, one cent apart: asks 0.50 up, bids 0.49 down, in wire order. */
export function ladder(count: number, levelSize = 100n * M): OrderBook {
  const asks: BookLevel[] = [];
  const bids: BookLevel[] = [];
  for (let i = count - 1; i >= 0; i--)
    asks.push({ price: p(500_000n + BigInt(i) * 10_000n), size: s(levelSize) });
  for (let i = count - 1; i >= 0; i--)
    bids.push({ price: p(490_000n - BigInt(i) * 10_000n), size: s(levelSize) });
  return { asks, bids, tickSize: p(10_000n), minOrderSize: s(5n * M) };
}

export function makeLimits(overrides: Partial<RiskLimits> = {}): RiskLimits {
  return {
    maxDailyLoss: u(100n * M),
    maxPositionSize: u(500n * M),
    maxSlippageBps: 200,
    maxTradesPerDay: 10,
    maxOrdersPerMinute: 6,
    maxConcurrentMarkets: 3,
    allowedCategories: ["politics"],
    riskBudget: u(1_000n * M),
    riskBudgetType: "individual",
    globalRiskBudget: u(5_000n * M),
    maxDailyLlmCost: u(2n * M),
    dayBoundaryOffsetMinutes: 0,
    ...overrides,
  };
}

export function makeSnapshot(overrides: Partial<RiskSnapshot> = {}): RiskSnapshot {
  return {
    now: NOW,
    market: { id: MARKET, category: "politics", open: true, book: ladder(10) },
    positions: [],
    openOrders: [],
    bots: [{ botId: BOT, riskBudgetType: "individual", riskBudgetUsd: u(1_000n * M) }],
    pnlToday: u(0),
    dailyLossReachedAt: null,
    halted: false,
    tradesToday: 0,
    recentOrderTimes: [],
    lock: null,
    adaptations: [],
    ...overrides,
  };
}

export function makeIntent(overrides: Partial<OrderIntent> = {}): OrderIntent {
  return { botId: BOT, marketId: MARKET, side: "BUY", shares: s(10n * M), ...overrides };
}

export interface Case {
  readonly intent?: Partial<OrderIntent>;
  readonly snapshot?: Partial<RiskSnapshot>;
  readonly limits?: Partial<RiskLimits>;
}

/** Prices the order the way `evaluate` does and runs one check on it. */
export function runCheck(check: MeasuredCheck, c: Case) {
  return readCheck(check, c)?.denial ?? null;
}

/** Prices the order the way `evaluate` does and reads one check on it (null: it does not apply). */
export function readCheck(check: MeasuredCheck, c: Case) {
  const snapshot = makeSnapshot(c.snapshot);
  const intent = makeIntent(c.intent);
  const { limits, blockedUntil } = applyAdaptations(
    makeLimits(c.limits),
    snapshot.adaptations,
    intent.marketId,
    snapshot.now,
  );
  const order = priceOrder(intent, snapshot, limits, tradingState(snapshot, limits), blockedUntil);
  return check(order, snapshot, limits, snapshot.now);
}
