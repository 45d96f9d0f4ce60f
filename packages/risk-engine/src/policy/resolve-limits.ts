import { percentToBps } from "../money/basis-points.ts";
import { usd } from "../money/parse-money.ts";
import type { Usd } from "../money/units.ts";
import type { RiskBudgetType, RiskLimits } from "../risk/types.ts";
import { TIER_RULES, type Tier, type TierRule } from "./tier-rules.ts";

/** The `bots` columns that carry limits, as a database driver returns them (numeric as strings). */
export interface BotLimitsRow {
  readonly max_daily_loss_usd: string | null;
  readonly max_position_size_usd: string | null;
  readonly allowed_categories: readonly string[] | null;
  readonly slippage_threshold_percent: string | null;
  readonly max_trades_per_day: number | null;
  readonly risk_budget_usd: string | null;
  readonly risk_budget_type: RiskBudgetType | null;
  readonly max_concurrent_markets: number | null;
  readonly max_daily_llm_cost_usd: string | null;
}

/** `user_risk_profiles`, same conventions. */
export interface RiskProfileRow {
  readonly default_daily_loss_usd: string | null;
  readonly default_position_size_usd: string | null;
  readonly default_slippage_threshold_percent: string | null;
  readonly global_risk_budget_usd: string | null;
}

/** The column defaults of the schema, used when a user has no profile row (or a NULL in it). */
export const SCHEMA_DEFAULTS = {
  dailyLossUsd: "100.00",
  positionSizeUsd: "500.00",
  slippagePercent: "2.0",
  maxTradesPerDay: 10,
  maxConcurrentMarkets: 1,
} as const;

/**
 * A bot's effective limits: each NULL bot column falls back to the user's `user_risk_profiles` default,
 * then to the schema default. `risk_budget_usd` NULL means no per-bot budget (there is no profile column
 * for it; the pool and `global_risk_budget_usd` still apply). Throws MoneyError on a malformed stored
 * number, which the validator keeps out of the database. The model cap never exceeds the tier's maximum
 * per bot, so a downgraded user's old cap does not outlive the tier that allowed it.
 */
export function resolveLimits(
  bot: BotLimitsRow,
  profile: RiskProfileRow | null,
  tier: Tier,
  rules: Readonly<Record<Tier, TierRule>> = TIER_RULES,
  dayBoundaryOffsetMinutes = 0,
): RiskLimits {
  const rule = rules[tier];
  return {
    maxDailyLoss: usd(
      bot.max_daily_loss_usd ?? profile?.default_daily_loss_usd ?? SCHEMA_DEFAULTS.dailyLossUsd,
    ),
    maxPositionSize: usd(
      bot.max_position_size_usd ?? profile?.default_position_size_usd ?? SCHEMA_DEFAULTS.positionSizeUsd,
    ),
    maxSlippageBps: percentToBps(
      bot.slippage_threshold_percent ??
        profile?.default_slippage_threshold_percent ??
        SCHEMA_DEFAULTS.slippagePercent,
    ),
    maxTradesPerDay: bot.max_trades_per_day ?? SCHEMA_DEFAULTS.maxTradesPerDay,
    maxOrdersPerMinute: rule.maxOrdersPerMinute,
    maxConcurrentMarkets: bot.max_concurrent_markets ?? SCHEMA_DEFAULTS.maxConcurrentMarkets,
    allowedCategories: bot.allowed_categories,
    riskBudget: bot.risk_budget_usd === null ? null : usd(bot.risk_budget_usd),
    riskBudgetType: bot.risk_budget_type ?? "individual",
    globalRiskBudget: profile?.global_risk_budget_usd == null ? null : usd(profile.global_risk_budget_usd),
    maxDailyLlmCost: atMost(
      bot.max_daily_llm_cost_usd === null ? rule.defaultMaxDailyLlmCost : usd(bot.max_daily_llm_cost_usd),
      rule.maxDailyLlmCostPerBot,
    ),
    dayBoundaryOffsetMinutes,
  };
}

const atMost = (value: Usd, maximum: Usd): Usd => (value > maximum ? maximum : value);
