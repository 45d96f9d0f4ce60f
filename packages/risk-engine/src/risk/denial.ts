import type { Price, Shares, Side, Usd } from "../money/units.ts";

/**
 * The closed set of reasons an order can be refused, with the typed context each one carries.
 * Codes are stable API: callers map them exhaustively (`Record<DenialCode, …>`), and the README table is
 * generated from DENIAL_DESCRIPTIONS. Contexts with `maxShares` are reducible: that is the largest size
 * (on the 0.01-share lot) that would pass the check.
 */
export interface DenialContexts {
  INVALID_INPUT: { reason: string };
  TRADING_HALTED: Record<never, never>;
  MARKET_UNKNOWN: { marketId: string };
  MARKET_CLOSED: { marketId: string };
  INVALID_LIMIT_PRICE: { limitPrice: Price };
  PRICE_OFF_TICK: { limitPrice: Price; tickSize: Price };
  SIZE_NOT_POSITIVE: { shares: Shares };
  SIZE_BELOW_MINIMUM: { shares: Shares; minimum: Shares };
  INSUFFICIENT_POSITION: { requested: Shares; held: Shares; maxShares: Shares };
  CATEGORY_NOT_ALLOWED: { category: string; allowed: readonly string[] };
  MARKET_BLOCKED_BY_ADAPTATION: { marketId: string; until: number };
  DAILY_LOSS_LIMIT_REACHED: { pnlToday: Usd; maxDailyLoss: Usd };
  MARKET_LOCKED: { heldByBotId: string; expiresAt: number };
  ORDER_RATE_EXCEEDED: { ordersLastMinute: number; maxOrdersPerMinute: number };
  MAX_TRADES_PER_DAY_REACHED: { tradesToday: number; maxTradesPerDay: number };
  MAX_CONCURRENT_MARKETS_REACHED: { openMarkets: number; maxConcurrentMarkets: number };
  NO_LIQUIDITY: { side: Side };
  INSUFFICIENT_LIQUIDITY: { requested: Shares; available: Shares; maxShares: Shares };
  SLIPPAGE_EXCEEDED: { requested: Shares; limitPrice: Price; maxSlippageBps: number; maxShares: Shares };
  MAX_POSITION_SIZE_EXCEEDED: { exposure: Usd; orderCost: Usd; maxPositionSize: Usd; maxShares: Shares };
  BOT_RISK_BUDGET_EXCEEDED: { exposure: Usd; orderCost: Usd; budget: Usd; maxShares: Shares };
  SHARED_RISK_BUDGET_EXCEEDED: { exposure: Usd; orderCost: Usd; pool: Usd; maxShares: Shares };
  GLOBAL_RISK_BUDGET_EXCEEDED: { exposure: Usd; orderCost: Usd; budget: Usd; maxShares: Shares };
  LLM_BUDGET_EXCEEDED: { spentToday: Usd; reserved: Usd; estimate: Usd; maxDailyLlmCost: Usd };
  USER_LLM_BUDGET_EXCEEDED: { spentToday: Usd; reserved: Usd; estimate: Usd; maxDailyLlmCost: Usd };
}

export type DenialCode = keyof DenialContexts;

export type Denial = {
  [C in DenialCode]: { readonly code: C; readonly context: Readonly<DenialContexts[C]> };
}[DenialCode];

export type DenialOf<C extends DenialCode> = Extract<Denial, { code: C }>;

export function deny<C extends DenialCode>(code: C, context: DenialContexts[C]): DenialOf<C> {
  return { code, context } as DenialOf<C>;
}

/** One line per code, for people; the exhaustive Record makes a new code without a description a type error. */
export const DENIAL_DESCRIPTIONS: Readonly<Record<DenialCode, string>> = {
  INVALID_INPUT:
    "The intent or snapshot could not be read (for example a malformed amount); nothing was checked.",
  TRADING_HALTED: "The kill switch is on: the bot is HALTED and no order passes.",
  MARKET_UNKNOWN: "The snapshot has no market with the intent's id.",
  MARKET_CLOSED: "The market is closed or not accepting orders.",
  INVALID_LIMIT_PRICE: "The requested limit price is not strictly between 0 and 1.",
  PRICE_OFF_TICK: "The requested limit price is not a multiple of the market's tick size.",
  SIZE_NOT_POSITIVE: "The order size is zero.",
  SIZE_BELOW_MINIMUM: "The order size is below the market's minimum order size.",
  INSUFFICIENT_POSITION: "A SELL asks for more shares than the bot holds (no short selling).",
  CATEGORY_NOT_ALLOWED: "The market's category is not in the bot's allowed_categories.",
  MARKET_BLOCKED_BY_ADAPTATION: "Recent failures in this market blocked it for a cooling-off period.",
  DAILY_LOSS_LIMIT_REACHED:
    "Today's PnL reached -max_daily_loss_usd; the bot is REDUCING and only exposure-reducing orders pass.",
  MARKET_LOCKED: "Another live bot of the same user holds the coordination lock on this market.",
  ORDER_RATE_EXCEEDED: "The bot already sent the maximum number of orders in the last 60 seconds.",
  MAX_TRADES_PER_DAY_REACHED: "The bot already made max_trades_per_day trades today.",
  MAX_CONCURRENT_MARKETS_REACHED: "A new market would exceed max_concurrent_markets.",
  NO_LIQUIDITY: "The side of the book the order would take from is empty.",
  INSUFFICIENT_LIQUIDITY: "The whole book cannot fill the order, at any price.",
  SLIPPAGE_EXCEEDED:
    "The book holds enough, but not within the limit price: the tighter of the intent's limit and best price ± the slippage threshold.",
  MAX_POSITION_SIZE_EXCEEDED:
    "Exposure in this market (and its correlated markets) plus the order's worst-case cost exceeds max_position_size_usd.",
  BOT_RISK_BUDGET_EXCEEDED:
    "The bot's exposure plus the order's worst-case cost exceeds its risk_budget_usd.",
  SHARED_RISK_BUDGET_EXCEEDED: "Exposure of all shared-budget bots plus the order exceeds the shared pool.",
  GLOBAL_RISK_BUDGET_EXCEEDED:
    "Exposure across all the user's bots plus the order exceeds global_risk_budget_usd.",
  LLM_BUDGET_EXCEEDED: "Spent today plus reserved plus this call's estimate exceeds max_daily_llm_cost_usd.",
  USER_LLM_BUDGET_EXCEEDED:
    "The same across all the user's bots exceeds the tier's daily model spend per user (TierRule.maxDailyLlmCostPerUser).",
};

export const DENIAL_CODES = Object.keys(DENIAL_DESCRIPTIONS) as readonly DenialCode[];

/** The largest size a denial would allow, or null when shrinking the order cannot fix it. */
export function reducibleTo(denial: Denial): Shares | null {
  return "maxShares" in denial.context ? denial.context.maxShares : null;
}

/** Context field names per code, for generated docs; denial.test-d.ts proves they list every field. */
export const DENIAL_CONTEXT_FIELDS = {
  INVALID_INPUT: ["reason"],
  TRADING_HALTED: [],
  MARKET_UNKNOWN: ["marketId"],
  MARKET_CLOSED: ["marketId"],
  INVALID_LIMIT_PRICE: ["limitPrice"],
  PRICE_OFF_TICK: ["limitPrice", "tickSize"],
  SIZE_NOT_POSITIVE: ["shares"],
  SIZE_BELOW_MINIMUM: ["shares", "minimum"],
  INSUFFICIENT_POSITION: ["requested", "held", "maxShares"],
  CATEGORY_NOT_ALLOWED: ["category", "allowed"],
  MARKET_BLOCKED_BY_ADAPTATION: ["marketId", "until"],
  DAILY_LOSS_LIMIT_REACHED: ["pnlToday", "maxDailyLoss"],
  MARKET_LOCKED: ["heldByBotId", "expiresAt"],
  ORDER_RATE_EXCEEDED: ["ordersLastMinute", "maxOrdersPerMinute"],
  MAX_TRADES_PER_DAY_REACHED: ["tradesToday", "maxTradesPerDay"],
  MAX_CONCURRENT_MARKETS_REACHED: ["openMarkets", "maxConcurrentMarkets"],
  NO_LIQUIDITY: ["side"],
  INSUFFICIENT_LIQUIDITY: ["requested", "available", "maxShares"],
  SLIPPAGE_EXCEEDED: ["requested", "limitPrice", "maxSlippageBps", "maxShares"],
  MAX_POSITION_SIZE_EXCEEDED: ["exposure", "orderCost", "maxPositionSize", "maxShares"],
  BOT_RISK_BUDGET_EXCEEDED: ["exposure", "orderCost", "budget", "maxShares"],
  SHARED_RISK_BUDGET_EXCEEDED: ["exposure", "orderCost", "pool", "maxShares"],
  GLOBAL_RISK_BUDGET_EXCEEDED: ["exposure", "orderCost", "budget", "maxShares"],
  LLM_BUDGET_EXCEEDED: ["spentToday", "reserved", "estimate", "maxDailyLlmCost"],
  USER_LLM_BUDGET_EXCEEDED: ["spentToday", "reserved", "estimate", "maxDailyLlmCost"],
} as const satisfies { readonly [C in DenialCode]: readonly (keyof DenialContexts[C])[] };
