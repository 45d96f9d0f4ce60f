import type { BotFormValues } from "./form-issues.ts";

/** A new bot's starting values: the tier's slowest-allowed cadence and the schema's defaults. */
export function emptyForm(minPollingMinutes: number): BotFormValues {
  return {
    name: "Untitled Bot",
    strategyPrompt: "",
    modelId: "",
    allowedCategories: "",
    maxPositionSizeUsd: "",
    maxDailyLossUsd: "",
    riskBudgetUsd: "",
    riskBudgetType: "individual",
    slippageThresholdPercent: "2",
    maxTradesPerDay: "10",
    maxConcurrentMarkets: "1",
    pollingFrequencyMinutes: String(minPollingMinutes),
    maxDailyLlmCostUsd: "",
    aiFailureRetryMinutes: "10",
  };
}
