import {
  checkBotBudget,
  checkGlobalBudget,
  checkPositionSize,
  checkSharedBudget,
} from "./checks/exposure-checks.ts";
import { checkConcurrentMarkets, checkOrderRate, checkTradesPerDay } from "./checks/frequency-checks.ts";
import { checkLiquidity, checkSlippage } from "./checks/liquidity-checks.ts";
import {
  checkAdaptationBlock,
  checkCategory,
  checkMarketKnown,
  checkMarketOpen,
} from "./checks/market-checks.ts";
import {
  checkLimitPriceRange,
  checkMinimumSize,
  checkPositionHeld,
  checkSizePositive,
  checkTick,
} from "./checks/order-shape-checks.ts";
import type { MeasuredCheck, RiskCheck } from "./checks/risk-check.ts";
import { checkDailyLoss, checkHalted, checkLock } from "./checks/state-checks.ts";
import type { DenialCode } from "./denial.ts";

/** What a check's limit and value are: micro-unit amounts (USD, price, shares), counts, epoch ms, or text. */
export type CheckUnit = "usd" | "price" | "shares" | "count" | "time" | "text";

export interface RiskCheckEntry {
  readonly name: string;
  readonly unit: CheckUnit;
  /** What the limit and the value are, for people (rendered into the README). */
  readonly measures: string;
  /** The denial codes this check can return. */
  readonly codes: readonly DenialCode[];
  /** The check itself: its limit, its measured value and its verdict, or null when it does not apply. */
  readonly measure: MeasuredCheck;
  /** The verdict alone, from `measure`. */
  readonly check: RiskCheck;
}

const entry = (
  name: string,
  unit: CheckUnit,
  measures: string,
  codes: readonly DenialCode[],
  measure: MeasuredCheck,
): RiskCheckEntry => ({
  name,
  unit,
  measures,
  codes,
  measure,
  check: (order, snapshot, limits, now) => measure(order, snapshot, limits, now)?.denial ?? null,
});

/**
 * The fixed order `evaluate` runs the checks in, cheapest and most fundamental first: state, then the
 * order's shape, then policy, then frequency, then the book, then money. Every check runs (so the caller
 * gets every denial that applies), and this order is the order denials (and `explain` rows) are reported in.
 */
export const RISK_CHECKS: readonly RiskCheckEntry[] = [
  entry("trading state is not HALTED", "text", "value: the trading state", ["TRADING_HALTED"], checkHalted),
  entry("market is known", "text", "value: the intent's market id", ["MARKET_UNKNOWN"], checkMarketKnown),
  entry("market is open", "text", "value: open or closed", ["MARKET_CLOSED"], checkMarketOpen),
  entry(
    "limit price is inside (0, 1)",
    "price",
    "value: the intent's own limit price (skipped without one)",
    ["INVALID_LIMIT_PRICE"],
    checkLimitPriceRange,
  ),
  entry(
    "limit price is on the tick",
    "price",
    "limit: the tick size; value: the intent's own limit price",
    ["PRICE_OFF_TICK"],
    checkTick,
  ),
  entry("size is positive", "shares", "value: the shares asked", ["SIZE_NOT_POSITIVE"], checkSizePositive),
  entry(
    "size is at least the market minimum",
    "shares",
    "limit: the market's minimum size; value: the shares asked",
    ["SIZE_BELOW_MINIMUM"],
    checkMinimumSize,
  ),
  entry(
    "a SELL does not exceed the shares held",
    "shares",
    "limit: the shares held; value: the shares asked (a SELL only)",
    ["INSUFFICIENT_POSITION"],
    checkPositionHeld,
  ),
  entry(
    "category is allowed",
    "text",
    "limit: the allowed categories; value: the market's category",
    ["CATEGORY_NOT_ALLOWED"],
    checkCategory,
  ),
  entry(
    "market is not blocked by adaptation",
    "time",
    "value: the end of the block (epoch ms), when blocked",
    ["MARKET_BLOCKED_BY_ADAPTATION"],
    checkAdaptationBlock,
  ),
  entry(
    "REDUCING state only lets exposure-reducing orders through",
    "usd",
    "limit: minus the daily loss limit; value: today's PnL (a BUY only)",
    ["DAILY_LOSS_LIMIT_REACHED"],
    checkDailyLoss,
  ),
  entry(
    "no other live bot holds the market lock",
    "text",
    "value: the bot holding a live lock",
    ["MARKET_LOCKED"],
    checkLock,
  ),
  entry(
    "order rate per minute",
    "count",
    "limit: orders per minute; value: orders in the last 60 s before this one",
    ["ORDER_RATE_EXCEEDED"],
    checkOrderRate,
  ),
  entry(
    "trades per day",
    "count",
    "limit: trades per day; value: trades today before this one",
    ["MAX_TRADES_PER_DAY_REACHED"],
    checkTradesPerDay,
  ),
  entry(
    "concurrent markets",
    "count",
    "limit: concurrent markets; value: markets the bot is in (a BUY only)",
    ["MAX_CONCURRENT_MARKETS_REACHED"],
    checkConcurrentMarkets,
  ),
  entry(
    "liquidity: the book can fill the size at all",
    "shares",
    "limit: the shares on the side taken from; value: the shares asked",
    ["NO_LIQUIDITY", "INSUFFICIENT_LIQUIDITY"],
    checkLiquidity,
  ),
  entry(
    "slippage: the book can fill the size within the threshold",
    "price",
    "limit: the limit price sent; value: the worst price the whole size fills at",
    ["SLIPPAGE_EXCEEDED"],
    checkSlippage,
  ),
  entry(
    "max position size (with correlated markets)",
    "usd",
    "limit: max position size; value: exposure in the market group + the order's worst-case cost",
    ["MAX_POSITION_SIZE_EXCEEDED"],
    checkPositionSize,
  ),
  entry(
    "bot risk budget (individual)",
    "usd",
    "limit: the bot's budget; value: the bot's exposure + the order's cost",
    ["BOT_RISK_BUDGET_EXCEEDED"],
    checkBotBudget,
  ),
  entry(
    "shared risk pool",
    "usd",
    "limit: the pool; value: the shared bots' exposure + the order's cost",
    ["SHARED_RISK_BUDGET_EXCEEDED"],
    checkSharedBudget,
  ),
  entry(
    "global risk budget",
    "usd",
    "limit: the global budget; value: all bots' exposure + the order's cost",
    ["GLOBAL_RISK_BUDGET_EXCEEDED"],
    checkGlobalBudget,
  ),
];
