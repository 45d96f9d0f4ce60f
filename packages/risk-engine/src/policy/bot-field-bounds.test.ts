import { describe, expect, it } from "vitest";
import { usd } from "../money/parse-money.ts";
import { checkBotField, checkStoredBot } from "./bot-field-bounds.ts";
import { resolveLimits } from "./resolve-limits.ts";
import { TIER_RULES } from "./tier-rules.ts";
import { validateBotConfig } from "./validate-bot-config.ts";

const minimal = { strategy_prompt: "Buy YES when polls move", model_id: "openai/gpt-4o-mini" };

describe("bot field bounds", () => {
  it.each([
    ["slippage_threshold_percent", "1.234", "NOT_A_DECIMAL_STRING"],
    ["slippage_threshold_percent", "0", "OUT_OF_RANGE"],
    ["slippage_threshold_percent", "100.01", "OUT_OF_RANGE"],
    ["max_daily_loss_usd", "0", "OUT_OF_RANGE"],
    ["max_daily_llm_cost_usd", "0.0000001", "NOT_A_DECIMAL_STRING"],
    ["max_trades_per_day", 0, "OUT_OF_RANGE"],
    ["priority", 1.5, "NOT_AN_INTEGER"],
  ] as const)("when %s is %s then it is refused with %s", (field, value, code) => {
    expect(checkBotField(field, value)?.code).toBe(code);
    expect(checkStoredBot({ [field]: value }).map((i) => i.code)).toEqual([code]);
  });

  it.each([
    ["slippage_threshold_percent", "1.23"],
    ["slippage_threshold_percent", "100"],
    ["max_daily_llm_cost_usd", "0"],
    ["priority", -1000],
  ] as const)("when %s is %s then it is inside its domain", (field, value) => {
    expect(checkBotField(field, value)).toBeNull();
  });

  it("when a stored row leaves a field NULL then only the set fields are checked", () => {
    expect(checkStoredBot({ max_daily_loss_usd: null, slippage_threshold_percent: "2.0" })).toEqual([]);
  });
});

describe("model spend caps per tier", () => {
  it("when a free user sets a model cap above the tier's maximum then the validator refuses it", () => {
    const result = validateBotConfig({ ...minimal, max_daily_llm_cost_usd: "1e30" }, "free");
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(["NOT_A_DECIMAL_STRING"]);
    const above = validateBotConfig({ ...minimal, max_daily_llm_cost_usd: "1000000" }, "free");
    expect(above.ok ? [] : above.issues.map((i) => i.code)).toEqual(["ABOVE_TIER_MAXIMUM"]);
  });

  it("when a stored cap is above the tier's maximum (a downgrade) then the limits use the maximum", () => {
    const row = {
      max_daily_loss_usd: null,
      max_position_size_usd: null,
      allowed_categories: null,
      slippage_threshold_percent: null,
      max_trades_per_day: null,
      risk_budget_usd: null,
      risk_budget_type: null,
      max_concurrent_markets: null,
      max_daily_llm_cost_usd: "50",
    };
    expect(resolveLimits(row, null, "free").maxDailyLlmCost).toBe(TIER_RULES.free.maxDailyLlmCostPerBot);
    expect(resolveLimits(row, null, "pro").maxDailyLlmCost).toBe(usd("25"));
  });
});
