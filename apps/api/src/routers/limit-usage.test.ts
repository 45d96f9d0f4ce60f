import { type RiskLimits, type Usd, usd } from "@open-trade/risk-engine";
import { describe, expect, it } from "vitest";
import { modeUsage } from "./limit-usage.ts";

const limits = (overrides: Partial<RiskLimits> = {}): RiskLimits => ({
  maxDailyLoss: usd("50"),
  maxPositionSize: usd("25"),
  maxSlippageBps: 200,
  maxTradesPerDay: 10,
  maxOrdersPerMinute: 6,
  maxConcurrentMarkets: 1,
  allowedCategories: null,
  riskBudget: usd("200"),
  riskBudgetType: "individual",
  globalRiskBudget: null,
  maxDailyLlmCost: usd("0.5"),
  dayBoundaryOffsetMinutes: 0,
  ...overrides,
});
const bot = (pnlTodayUsd: string, tradesToday = 0, llmSpendTodayUsd = "0", l = limits()) => ({
  limits: l,
  tradesToday,
  pnlTodayUsd,
  llmSpendTodayUsd,
});

describe("modeUsage", () => {
  it("when one bot lost and another gained then the loss is not netted away", () => {
    const usage = modeUsage([bot("-50", 3, "0.1"), bot("80", 4, "0.25")], usd("12.5"), "pro");
    expect(usage).toEqual({
      bots: 2,
      dailyLossUsd: { used: "50", limit: "100", botsAtLimit: 1 },
      llmSpendUsd: { used: "0.35", limit: "1" },
      exposureUsd: { used: "12.5", limit: "400" },
      tradesToday: { used: 7, limit: 20 },
    });
  });

  it("when the user has a global budget then exposure is measured against it", () => {
    const usage = modeUsage([bot("0", 0, "0", limits({ globalRiskBudget: usd("150") }))], usd("1"), "pro");
    expect(usage.exposureUsd).toEqual({ used: "1", limit: "150" });
  });

  it("when a bot has no budget and there is no global one then exposure has no limit", () => {
    const usage = modeUsage([bot("0"), bot("0", 0, "0", limits({ riskBudget: null }))], usd("1"), "pro");
    expect(usage.exposureUsd.limit).toBeNull();
  });

  it("when the bots' model caps together exceed the tier's cap per user then the tier's cap shows", () => {
    const big = limits({ maxDailyLlmCost: usd("9") });
    const usage = modeUsage([bot("0", 0, "0", big), bot("0", 0, "0", big)], 0n as Usd, "basic");
    expect(usage.llmSpendUsd.limit).toBe("10");
  });

  it("when there are no bots in the mode then every usage is zero", () => {
    expect(modeUsage([], 0n as Usd, "free")).toMatchObject({
      bots: 0,
      dailyLossUsd: { used: "0", limit: "0", botsAtLimit: 0 },
      exposureUsd: { used: "0", limit: null },
      tradesToday: { used: 0, limit: 0 },
    });
  });
});
