import { type Bps, percentToBps, type Usd, usd } from "@open-trade/risk-engine";
import { z } from "zod";

/** The hard limits of a bot as its row stores them; numeric columns arrive as strings. */
export const botLimitsRowSchema = z.object({
  max_position_size_usd: z.string(),
  max_daily_loss_usd: z.string(),
  allowed_categories: z.array(z.string().min(1)).min(1),
  max_trades_per_day: z.number().int().min(1),
  max_concurrent_markets: z.number().int().min(1),
  slippage_threshold_percent: z.string(),
  polling_frequency_minutes: z.number().int().min(1),
  risk_budget_usd: z.string().nullable(),
});

export interface BotLimits {
  readonly maxPositionSizeUsd: Usd;
  readonly maxDailyLossUsd: Usd;
  readonly allowedCategories: readonly string[];
  readonly maxTradesPerDay: number;
  readonly maxConcurrentMarkets: number;
  readonly slippageBps: Bps;
  /** The shortest polling interval the user's tier allows. */
  readonly minPollingMinutes: number;
  readonly riskBudgetUsd: Usd | null;
}

export function toBotLimits(row: z.infer<typeof botLimitsRowSchema>): BotLimits {
  return {
    maxPositionSizeUsd: usd(row.max_position_size_usd),
    maxDailyLossUsd: usd(row.max_daily_loss_usd),
    allowedCategories: row.allowed_categories.map((c) => c.toLowerCase()),
    maxTradesPerDay: row.max_trades_per_day,
    maxConcurrentMarkets: row.max_concurrent_markets,
    slippageBps: percentToBps(row.slippage_threshold_percent),
    minPollingMinutes: row.polling_frequency_minutes,
    riskBudgetUsd: row.risk_budget_usd === null ? null : usd(row.risk_budget_usd),
  };
}
