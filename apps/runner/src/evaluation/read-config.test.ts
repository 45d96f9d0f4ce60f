import { describe, expect, it } from "vitest";
import { CHEAP_YES } from "../testing/runner-world.ts";
import type { BotState } from "./bot-state.ts";
import { readConfig } from "./read-config.ts";

const limitsRow = {
  max_daily_loss_usd: "100",
  max_position_size_usd: "500",
  allowed_categories: ["politics"],
  slippage_threshold_percent: "2.0",
  max_trades_per_day: 50,
  risk_budget_usd: null,
  risk_budget_type: "individual" as const,
  max_concurrent_markets: 5,
  max_daily_llm_cost_usd: null,
};

const state = (patch: Partial<BotState> = {}): BotState =>
  ({
    mode: "paper",
    tier: "pro",
    recipeJson: CHEAP_YES,
    pollingFrequencyMinutes: 5,
    aiFailureRetryMinutes: 10,
    limits: limitsRow,
    profile: null,
    ...patch,
  }) as BotState;

describe("readConfig", () => {
  it("when everything is inside its domain then the recipe and limits are read", () => {
    const read = readConfig(state());
    expect(read.ok && read.recipe.cadence.pollingMinutes).toBe(5);
  });

  it.each([
    ["a bot slippage of 1.234 %", { limits: { ...limitsRow, slippage_threshold_percent: "1.234" } }],
    [
      "a profile slippage of 1.234 %",
      {
        profile: {
          default_daily_loss_usd: "100",
          default_position_size_usd: "500",
          default_slippage_threshold_percent: "1.234",
          global_risk_budget_usd: null,
        },
      },
    ],
  ])("when the stored config has %s then it is refused with a code instead of throwing", (_w, patch) => {
    const read = readConfig(state(patch as Partial<BotState>));
    expect(read).toMatchObject({ ok: false, stopAs: "error", issues: [{ code: "NOT_A_DECIMAL_STRING" }] });
  });

  it("when a live bot's tier has no live trading then it is to be paused, not put in error", () => {
    expect(readConfig(state({ mode: "live", tier: "free" }))).toMatchObject({
      ok: false,
      stopAs: "paused",
      issues: [{ code: "LIVE_NOT_ALLOWED_FOR_TIER" }],
    });
  });
});
