import { describe, expect, it } from "vitest";
import { MoneyError } from "../money/money-error.ts";
import { type BotLimitsRow, type RiskProfileRow, resolveLimits } from "./resolve-limits.ts";

const nullBot: BotLimitsRow = {
  max_daily_loss_usd: null,
  max_position_size_usd: null,
  allowed_categories: null,
  slippage_threshold_percent: null,
  max_trades_per_day: null,
  risk_budget_usd: null,
  risk_budget_type: null,
  max_concurrent_markets: null,
  max_daily_llm_cost_usd: null,
};
const profile: RiskProfileRow = {
  default_daily_loss_usd: "40.00",
  default_position_size_usd: "250.00",
  default_slippage_threshold_percent: "1.5",
  global_risk_budget_usd: "1000.00",
};

describe("resolveLimits", () => {
  it("when every bot column is NULL then the profile defaults apply", () => {
    expect(resolveLimits(nullBot, profile, "pro")).toEqual({
      maxDailyLoss: 40_000_000n,
      maxPositionSize: 250_000_000n,
      maxSlippageBps: 150,
      maxTradesPerDay: 10,
      maxOrdersPerMinute: 30,
      maxConcurrentMarkets: 1,
      allowedCategories: null,
      riskBudget: null,
      riskBudgetType: "individual",
      globalRiskBudget: 1_000_000_000n,
      maxDailyLlmCost: 10_000_000n,
      dayBoundaryOffsetMinutes: 0,
    });
  });

  it("when there is no profile then the schema defaults apply", () => {
    const limits = resolveLimits(nullBot, null, "free");
    expect([
      limits.maxDailyLoss,
      limits.maxPositionSize,
      limits.maxSlippageBps,
      limits.globalRiskBudget,
    ]).toEqual([100_000_000n, 500_000_000n, 200, null]);
  });

  it("when the bot sets its own values then they win over the profile", () => {
    const bot: BotLimitsRow = {
      max_daily_loss_usd: "12.5",
      max_position_size_usd: "80",
      allowed_categories: ["crypto"],
      slippage_threshold_percent: "0.75",
      max_trades_per_day: 3,
      risk_budget_usd: "300",
      risk_budget_type: "shared",
      max_concurrent_markets: 4,
      max_daily_llm_cost_usd: "0.25",
    };
    const limits = resolveLimits(bot, profile, "basic", undefined, 60);
    expect(limits).toMatchObject({
      maxDailyLoss: 12_500_000n,
      maxPositionSize: 80_000_000n,
      allowedCategories: ["crypto"],
      maxSlippageBps: 75,
      maxTradesPerDay: 3,
      riskBudget: 300_000_000n,
      riskBudgetType: "shared",
      maxConcurrentMarkets: 4,
      maxDailyLlmCost: 250_000n,
      maxOrdersPerMinute: 6,
      dayBoundaryOffsetMinutes: 60,
    });
  });

  it("when a stored number is malformed then it throws a MoneyError", () => {
    expect(() => resolveLimits({ ...nullBot, max_daily_loss_usd: "1e3" }, null, "pro")).toThrow(MoneyError);
  });
});
