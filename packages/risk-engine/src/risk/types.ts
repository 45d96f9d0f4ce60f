import type { AdaptationEffect } from "../adaptation/adaptation-effect.ts";
import type { FeeSchedule, OrderBook } from "../book/order-book.ts";
import type { Price, Shares, Side, Usd } from "../money/units.ts";

/** What a bot wants to do, before any check. */
export interface OrderIntent {
  readonly botId: string;
  /** The id positions and books are keyed by (the traded outcome token's market). */
  readonly marketId: string;
  readonly side: Side;
  readonly shares: Shares;
  /** The worst price the decision accepts; the engine may tighten it to cap slippage, never loosen it. */
  readonly limitPrice?: Price;
  /** Let the engine shrink the order to the largest size every check accepts, instead of denying it. */
  readonly allowReduce?: boolean;
}

export interface MarketSnapshot {
  readonly id: string;
  readonly category: string;
  /** Active, not closed, accepting orders. */
  readonly open: boolean;
  readonly book: OrderBook;
  readonly fee?: FeeSchedule;
}

/** A bot's holding in one market; cost basis as in `Position`. */
export interface HeldPosition {
  readonly botId: string;
  readonly marketId: string;
  readonly shares: Shares;
  readonly costBasis: Usd;
  /** `positions.correlated_markets`: exposure in these markets counts together with this one. */
  readonly correlatedMarkets: readonly string[];
}

/** A resting order; only BUY orders add exposure (at their limit price). */
export interface RestingOrder {
  readonly botId: string;
  readonly marketId: string;
  readonly side: Side;
  readonly shares: Shares;
  readonly price: Price;
}

/** @deprecated Renamed `RestingOrder`, apart from an exchange's open order. Removed in 0.3. */
export type OpenOrder = RestingOrder;

export type RiskBudgetType = "individual" | "shared";

/** One of the user's bots, as far as budgets are concerned. */
export interface BotBudget {
  readonly botId: string;
  readonly riskBudgetType: RiskBudgetType;
  readonly riskBudgetUsd: Usd | null;
}

export interface MarketLock {
  readonly marketId: string;
  readonly lockedByBotId: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

/** Everything the checks may look at, loaded by the caller; the engine reads no clock and no database. */
export interface RiskSnapshot {
  /** Epoch ms; the only notion of time the checks use. */
  readonly now: number;
  readonly market: MarketSnapshot | null;
  /** Positions of ALL the user's bots (budgets span bots). */
  readonly positions: readonly HeldPosition[];
  /** Open orders of ALL the user's bots. */
  readonly openOrders: readonly RestingOrder[];
  /** ALL the user's bots, this one included, to size the shared pool. */
  readonly bots: readonly BotBudget[];
  /** This bot's realized + unrealized PnL since the day boundary (see `dailyPnl`). */
  readonly pnlToday: Usd;
  /** When this bot first reached its daily loss limit (epoch ms), so REDUCING lasts the rest of the day. */
  readonly dailyLossReachedAt: number | null;
  /** Kill switch. */
  readonly halted: boolean;
  readonly tradesToday: number;
  /** Epoch ms of this bot's recent orders; older than a minute are ignored. */
  readonly recentOrderTimes: readonly number[];
  /** The coordination lock row for this user and market, if any. */
  readonly lock: MarketLock | null;
  /** Effects derived from past failures (see `deriveAdaptations`). */
  readonly adaptations: readonly AdaptationEffect[];
}

/** Limits of one bot after resolution (`resolveLimits`); every value is already a number the checks use. */
export interface RiskLimits {
  readonly maxDailyLoss: Usd;
  readonly maxPositionSize: Usd;
  readonly maxSlippageBps: number;
  readonly maxTradesPerDay: number;
  readonly maxOrdersPerMinute: number;
  readonly maxConcurrentMarkets: number;
  /** Null: every category; an empty list: none. */
  readonly allowedCategories: readonly string[] | null;
  /** Null: no per-bot budget (only the pool/global budgets apply). */
  readonly riskBudget: Usd | null;
  readonly riskBudgetType: RiskBudgetType;
  /** Null: unlimited. */
  readonly globalRiskBudget: Usd | null;
  readonly maxDailyLlmCost: Usd;
  /** Day boundary, minutes east of UTC (0 = UTC midnight). */
  readonly dayBoundaryOffsetMinutes: number;
}
