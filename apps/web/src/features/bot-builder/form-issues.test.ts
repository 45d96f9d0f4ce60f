import { describe, expect, it } from "vitest";
import { type BotFormValues, issuesByField, toSettings } from "./form-issues.ts";

const valid: BotFormValues = {
  name: "Fed watcher",
  strategyPrompt: "Buy YES when the market is under 40c and the spread is at most 5c.",
  modelId: "openai/gpt-4o-mini",
  allowedCategories: "Politics",
  maxPositionSizeUsd: "50",
  maxDailyLossUsd: "",
  riskBudgetUsd: "",
  riskBudgetType: "individual",
  slippageThresholdPercent: "2",
  maxTradesPerDay: "10",
  maxConcurrentMarkets: "1",
  pollingFrequencyMinutes: "60",
  maxDailyLlmCostUsd: "",
  aiFailureRetryMinutes: "10",
};

describe("issuesByField", () => {
  it("when every field is valid then there are no issues", () => {
    expect(issuesByField(valid, "free")).toEqual({});
  });

  it("when several fields are wrong then all of them are reported at once", () => {
    const issues = issuesByField(
      { ...valid, maxPositionSizeUsd: "-1", pollingFrequencyMinutes: "5", maxTradesPerDay: "0" },
      "free",
    );
    expect(Object.keys(issues).sort()).toEqual([
      "maxPositionSizeUsd",
      "maxTradesPerDay",
      "pollingFrequencyMinutes",
    ]);
    expect(issues.pollingFrequencyMinutes?.[0]).toMatch(/free tier polls at most every 60 minutes/);
  });

  it("when live is asked for on the free tier then the status is refused with the reason", () => {
    expect(issuesByField(valid, "free", "live").status?.[0]).toMatch(/not included/);
    expect(issuesByField(valid, "pro", "live").status).toBeUndefined();
  });

  it("when a count is not a whole number then it is reported, not rounded", () => {
    expect(issuesByField({ ...valid, maxTradesPerDay: "2.5" }, "free").maxTradesPerDay).toHaveLength(1);
  });
});

describe("toSettings", () => {
  it("when fields are blank then amounts are null and counts are left out so defaults apply", () => {
    const settings = toSettings({ ...valid, maxTradesPerDay: " ", allowedCategories: "Politics, Crypto ," });
    expect(settings.maxDailyLossUsd).toBeNull();
    expect(settings.maxPositionSizeUsd).toBe("50");
    expect("maxTradesPerDay" in settings).toBe(false);
    expect(settings.allowedCategories).toEqual(["Politics", "Crypto"]);
  });

  it("when no category is given then the form says the bot would never find a market", () => {
    expect(issuesByField({ ...valid, allowedCategories: " , " }, "free").allowedCategories?.[0]).toMatch(
      /at least one category/,
    );
  });
});
