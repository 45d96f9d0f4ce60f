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
import type { RiskCheck } from "./checks/risk-check.ts";
import { checkDailyLoss, checkHalted, checkLock } from "./checks/state-checks.ts";

/**
 * The fixed order `evaluate` runs the checks in, cheapest and most fundamental first: state, then the
 * order's shape, then policy, then frequency, then the book, then money. Every check runs (so the caller
 * gets every denial that applies), and this order is the order denials are reported in.
 */
export const RISK_CHECKS: readonly { readonly name: string; readonly check: RiskCheck }[] = [
  { name: "trading state is not HALTED", check: checkHalted },
  { name: "market is known", check: checkMarketKnown },
  { name: "market is open", check: checkMarketOpen },
  { name: "limit price is inside (0, 1)", check: checkLimitPriceRange },
  { name: "limit price is on the tick", check: checkTick },
  { name: "size is positive", check: checkSizePositive },
  { name: "size is at least the market minimum", check: checkMinimumSize },
  { name: "a SELL does not exceed the shares held", check: checkPositionHeld },
  { name: "category is allowed", check: checkCategory },
  { name: "market is not blocked by adaptation", check: checkAdaptationBlock },
  { name: "REDUCING state only lets exposure-reducing orders through", check: checkDailyLoss },
  { name: "no other live bot holds the market lock", check: checkLock },
  { name: "order rate per minute", check: checkOrderRate },
  { name: "trades per day", check: checkTradesPerDay },
  { name: "concurrent markets", check: checkConcurrentMarkets },
  { name: "liquidity: the book can fill the size at all", check: checkLiquidity },
  { name: "slippage: the book can fill the size within the threshold", check: checkSlippage },
  { name: "max position size (with correlated markets)", check: checkPositionSize },
  { name: "bot risk budget (individual)", check: checkBotBudget },
  { name: "shared risk pool", check: checkSharedBudget },
  { name: "global risk budget", check: checkGlobalBudget },
];
