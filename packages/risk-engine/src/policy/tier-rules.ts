import type { Usd } from "../money/units.ts";

/** `users.tier`. */
export type Tier = "free" | "basic" | "pro";

export const TIERS: readonly Tier[] = ["free", "basic", "pro"];

export interface TierRule {
  /** Shortest allowed `polling_frequency_minutes`. */
  readonly minPollingMinutes: number;
  /** How many bots a user may have. */
  readonly maxBots: number;
  /** Whether a bot may have status `live` (real orders); paper trading is always allowed. */
  readonly liveTradingAllowed: boolean;
  /** Order-rate limit per bot (not a database column, so it is policy). */
  readonly maxOrdersPerMinute: number;
  /** Used when `max_daily_llm_cost_usd` is NULL, so a bot never has an unbounded model bill. */
  readonly defaultMaxDailyLlmCost: Usd;
  /** The most `max_daily_llm_cost_usd` may be set to (the database enforces it too). */
  readonly maxDailyLlmCostPerBot: Usd;
  /** Model spend per UTC day across all of a user's bots: the operator's key pays, so it is capped. */
  readonly maxDailyLlmCostPerUser: Usd;
}

/**
 * Policy as data. Pro polls every 5 min and basic every 30 min, as the product specifies; free is
 * 60 min by this package's choice (a cheap, slow tier that keeps model spend down), paper-only.
 * Pass a different table to any function taking `rules` to change policy without code.
 */
export const TIER_RULES: Readonly<Record<Tier, TierRule>> = {
  free: {
    minPollingMinutes: 60,
    maxBots: 1,
    liveTradingAllowed: false,
    maxOrdersPerMinute: 2,
    defaultMaxDailyLlmCost: 500_000n as Usd,
    maxDailyLlmCostPerBot: 1_000_000n as Usd,
    maxDailyLlmCostPerUser: 1_000_000n as Usd,
  },
  basic: {
    minPollingMinutes: 30,
    maxBots: 3,
    liveTradingAllowed: true,
    maxOrdersPerMinute: 6,
    defaultMaxDailyLlmCost: 2_000_000n as Usd,
    maxDailyLlmCostPerBot: 5_000_000n as Usd,
    maxDailyLlmCostPerUser: 10_000_000n as Usd,
  },
  pro: {
    minPollingMinutes: 5,
    maxBots: 20,
    liveTradingAllowed: true,
    maxOrdersPerMinute: 30,
    defaultMaxDailyLlmCost: 10_000_000n as Usd,
    maxDailyLlmCostPerBot: 25_000_000n as Usd,
    maxDailyLlmCostPerUser: 100_000_000n as Usd,
  },
};
