import { describe, expect, it } from "vitest";
import { issuesByField, toConfigInput } from "./form-issues.ts";

const valid = {
  name: "Fed watcher",
  strategy_prompt: "Buy YES when the market is under 40c and the news says a cut is likely.",
  model_id: "openai/gpt-4o-mini",
  max_position_size_usd: "50",
  polling_frequency_minutes: "60",
};

describe("issuesByField", () => {
  it("when every field is valid then there are no issues", () => {
    expect(issuesByField(valid, "free")).toEqual({});
  });

  it("when several fields are wrong then all of them are reported at once", () => {
    const issues = issuesByField(
      { ...valid, max_position_size_usd: "-1", polling_frequency_minutes: "5", max_trades_per_day: "0" },
      "free",
    );
    expect(Object.keys(issues).sort()).toEqual([
      "max_position_size_usd",
      "max_trades_per_day",
      "polling_frequency_minutes",
    ]);
    expect(issues.polling_frequency_minutes?.[0]).toMatch(/free tier polls at most every 60 minutes/);
  });

  it("when live is chosen on the free tier then the status is refused with the reason", () => {
    expect(issuesByField({ ...valid, status: "live" }, "free").status?.[0]).toMatch(/not included/);
    expect(issuesByField({ ...valid, status: "live" }, "pro").status).toBeUndefined();
  });
});

describe("toConfigInput", () => {
  it("when a field is blank then it is left out so the default applies", () => {
    expect(
      toConfigInput({ risk_budget_usd: "  ", max_trades_per_day: "12", max_daily_loss_usd: "10.5" }),
    ).toEqual({ max_trades_per_day: 12, max_daily_loss_usd: "10.5" });
  });
});
