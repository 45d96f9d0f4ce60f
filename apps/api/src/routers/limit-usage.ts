import { schema, type Transaction } from "@open-trade/db";
import {
  type BotLimitsRow,
  formatUsd,
  type RiskLimits,
  type RiskProfileRow,
  resolveLimits,
  TIER_RULES,
  type Tier,
  type Usd,
  usd,
} from "@open-trade/risk-engine";
import { eq } from "drizzle-orm";
import type { BotRow } from "./owned-bot.ts";

/** How much of a limit is used: exact decimal strings; `limit` null when nothing caps it. */
export interface UsdUsage {
  readonly used: string;
  readonly limit: string | null;
}

/** A bot's limits as the risk engine resolves them (bot column, else the user's default, else the schema's). */
export async function botLimits(tx: Transaction, userId: string, tier: Tier, bots: readonly BotRow[]) {
  const [profile] = await tx
    .select()
    .from(schema.userRiskProfiles)
    .where(eq(schema.userRiskProfiles.userId, userId));
  const profileRow: RiskProfileRow | null = profile
    ? {
        default_daily_loss_usd: profile.defaultDailyLossUsd,
        default_position_size_usd: profile.defaultPositionSizeUsd,
        default_slippage_threshold_percent: profile.defaultSlippageThresholdPercent,
        global_risk_budget_usd: profile.globalRiskBudgetUsd,
      }
    : null;
  return bots.map((bot) => resolveLimits(limitsRow(bot), profileRow, tier));
}

const limitsRow = (bot: BotRow): BotLimitsRow => ({
  max_daily_loss_usd: bot.maxDailyLossUsd,
  max_position_size_usd: bot.maxPositionSizeUsd,
  allowed_categories: bot.allowedCategories,
  slippage_threshold_percent: bot.slippageThresholdPercent,
  max_trades_per_day: bot.maxTradesPerDay,
  risk_budget_usd: bot.riskBudgetUsd,
  risk_budget_type: bot.riskBudgetType,
  max_concurrent_markets: bot.maxConcurrentMarkets,
  max_daily_llm_cost_usd: bot.maxDailyLlmCostUsd,
});

/** Today's numbers of one bot in its mode, as `botList` reports them. */
export interface BotToday {
  readonly limits: RiskLimits;
  readonly tradesToday: number;
  readonly pnlTodayUsd: string;
  readonly llmSpendTodayUsd: string;
}

/** A day's loss is what PnL fell below zero; a gain uses none of the loss limit. */
export const lossOf = (pnlToday: string): Usd => {
  const pnl = usd(pnlToday);
  return (pnl < 0n ? -pnl : 0n) as Usd;
};

const sum = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n);

/**
 * One mode's usage of every hard limit, summed over the bots in that mode (the caller never mixes paper and
 * live). Each bot's loss counts against its own limit, so one bot's gain never hides another's loss; the
 * model-spend cap is the bots' caps together, never above the tier's cap per user; exposure is measured
 * against the global risk budget, else the bots' own budgets together (null when a bot has none).
 */
export function modeUsage(bots: readonly BotToday[], exposure: Usd, tier: Tier) {
  const losses = bots.map((b) => lossOf(b.pnlTodayUsd));
  const global = bots[0]?.limits.globalRiskBudget ?? null;
  const budgets = bots.map((b) => b.limits.riskBudget);
  const llmCap = sum(bots.map((b) => b.limits.maxDailyLlmCost));
  const perUser = TIER_RULES[tier].maxDailyLlmCostPerUser;
  // biome-ignore lint/complexity/useMathMinMax: these are bigint micro-USD; Math.min takes only numbers.
  const llmLimit = llmCap < perUser ? llmCap : perUser;
  let budget: bigint | null = global;
  if (budget === null && budgets.length > 0 && budgets.every((b) => b !== null))
    budget = sum(budgets as bigint[]);
  return {
    bots: bots.length,
    dailyLossUsd: {
      used: formatUsd(sum(losses) as Usd),
      limit: formatUsd(sum(bots.map((b) => b.limits.maxDailyLoss)) as Usd),
      botsAtLimit: bots.filter((b, i) => (losses[i] as bigint) >= b.limits.maxDailyLoss).length,
    },
    llmSpendUsd: {
      used: formatUsd(sum(bots.map((b) => usd(b.llmSpendTodayUsd))) as Usd),
      limit: formatUsd(llmLimit as Usd),
    } satisfies UsdUsage,
    exposureUsd: {
      used: formatUsd(exposure),
      limit: budget === null ? null : formatUsd(budget as Usd),
    } satisfies UsdUsage,
    tradesToday: {
      used: bots.reduce((n, b) => n + b.tradesToday, 0),
      limit: bots.reduce((n, b) => n + b.limits.maxTradesPerDay, 0),
    },
  };
}
