import { describe, expect, it } from "vitest";
import type { ConfigIssueCode } from "./config-issue.ts";
import { TIER_RULES, type Tier } from "./tier-rules.ts";
import { type BotConfigInput, checkBotCount, validateBotConfig } from "./validate-bot-config.ts";

const minimal = { strategy_prompt: "Buy YES when polls move", model_id: "anthropic/claude-3.5-sonnet" };

function issuesOf(input: BotConfigInput, tier: Tier = "pro"): [string, ConfigIssueCode][] {
  const result = validateBotConfig(input, tier);
  return result.ok ? [] : result.issues.map((i) => [i.field, i.code]);
}

describe("validateBotConfig", () => {
  it("when only the required fields are given then defaults fill the rest", () => {
    expect(validateBotConfig(minimal, "basic")).toEqual({
      ok: true,
      value: {
        ...minimal,
        name: "Untitled Bot",
        status: "paper",
        max_daily_loss_usd: null,
        max_position_size_usd: null,
        allowed_categories: null,
        slippage_threshold_bps: null,
        max_trades_per_day: 10,
        ai_failure_retry_minutes: 10,
        risk_budget_usd: null,
        risk_budget_type: "individual",
        priority: 0,
        max_concurrent_markets: 1,
        polling_frequency_minutes: 30,
        max_daily_llm_cost_usd: null,
      },
    });
  });

  it("when every field is set validly then they are parsed exactly", () => {
    const result = validateBotConfig(
      {
        ...minimal,
        name: "Polls",
        status: "live",
        max_daily_loss_usd: "25.50",
        max_position_size_usd: "100",
        allowed_categories: ["politics"],
        slippage_threshold_percent: "2.0",
        risk_budget_usd: "300",
        risk_budget_type: "shared",
        polling_frequency_minutes: 5,
        max_daily_llm_cost_usd: "0",
      },
      "pro",
    );
    expect(result.ok && result.value).toMatchObject({
      status: "live",
      max_daily_loss_usd: 25_500_000n,
      slippage_threshold_bps: 200,
      risk_budget_type: "shared",
      max_daily_llm_cost_usd: 0n,
    });
  });

  it.each<[string, BotConfigInput, Tier, [string, ConfigIssueCode][]]>([
    [
      "nothing at all",
      {},
      "pro",
      [
        ["strategy_prompt", "REQUIRED"],
        ["model_id", "REQUIRED"],
      ],
    ],
    ["a blank prompt", { ...minimal, strategy_prompt: "  " }, "pro", [["strategy_prompt", "NOT_A_STRING"]]],
    ["a long name", { ...minimal, name: "x".repeat(101) }, "pro", [["name", "TOO_LONG"]]],
    [
      "live on the free tier",
      { ...minimal, status: "live" },
      "free",
      [["status", "LIVE_NOT_ALLOWED_FOR_TIER"]],
    ],
    ["an unknown status", { ...minimal, status: "running" }, "pro", [["status", "NOT_ONE_OF"]]],
    [
      "polling one minute under the basic minimum",
      { ...minimal, polling_frequency_minutes: 29 },
      "basic",
      [["polling_frequency_minutes", "POLLING_TOO_FREQUENT"]],
    ],
    [
      "a money amount sent as a JS number",
      { ...minimal, max_daily_loss_usd: 25.5 },
      "pro",
      [["max_daily_loss_usd", "NOT_A_DECIMAL_STRING"]],
    ],
    [
      "a money amount with an exponent",
      { ...minimal, max_position_size_usd: "1e3" },
      "pro",
      [["max_position_size_usd", "NOT_A_DECIMAL_STRING"]],
    ],
    [
      "a zero loss limit",
      { ...minimal, max_daily_loss_usd: "0" },
      "pro",
      [["max_daily_loss_usd", "OUT_OF_RANGE"]],
    ],
    [
      "a negative LLM cap",
      { ...minimal, max_daily_llm_cost_usd: "-1" },
      "pro",
      [["max_daily_llm_cost_usd", "OUT_OF_RANGE"]],
    ],
    [
      "a slippage of 0 %",
      { ...minimal, slippage_threshold_percent: "0" },
      "pro",
      [["slippage_threshold_percent", "OUT_OF_RANGE"]],
    ],
    [
      "a slippage above 100 %",
      { ...minimal, slippage_threshold_percent: "100.5" },
      "pro",
      [["slippage_threshold_percent", "OUT_OF_RANGE"]],
    ],
    [
      "a fractional trade count",
      { ...minimal, max_trades_per_day: 2.5 },
      "pro",
      [["max_trades_per_day", "NOT_AN_INTEGER"]],
    ],
    [
      "zero concurrent markets",
      { ...minimal, max_concurrent_markets: 0 },
      "pro",
      [["max_concurrent_markets", "OUT_OF_RANGE"]],
    ],
    [
      "categories that are not a list",
      { ...minimal, allowed_categories: "politics" },
      "pro",
      [["allowed_categories", "NOT_A_LIST"]],
    ],
    [
      "an empty category name",
      { ...minimal, allowed_categories: [""] },
      "pro",
      [["allowed_categories", "NOT_A_LIST"]],
    ],
    [
      "an unknown budget type",
      { ...minimal, risk_budget_type: "pooled" },
      "pro",
      [["risk_budget_type", "NOT_ONE_OF"]],
    ],
    [
      "many bad fields at once",
      {
        model_id: 7,
        status: "live",
        max_daily_loss_usd: "abc",
        priority: 5_000,
        polling_frequency_minutes: 1,
      },
      "free",
      [
        ["status", "LIVE_NOT_ALLOWED_FOR_TIER"],
        ["polling_frequency_minutes", "POLLING_TOO_FREQUENT"],
        ["strategy_prompt", "REQUIRED"],
        ["model_id", "NOT_A_STRING"],
        ["max_daily_loss_usd", "NOT_A_DECIMAL_STRING"],
        ["priority", "OUT_OF_RANGE"],
      ],
    ],
  ])("when the config has %s then every issue is reported", (_name, input, tier, expected) => {
    expect(issuesOf(input, tier)).toEqual(expected);
  });

  it("when the tier rules are replaced then the validator follows the data", () => {
    const rules = { ...TIER_RULES, free: { ...TIER_RULES.free, liveTradingAllowed: true } };
    expect(
      validateBotConfig({ ...minimal, status: "live", polling_frequency_minutes: 60 }, "free", rules).ok,
    ).toBe(true);
  });
});

describe("checkBotCount", () => {
  it.each<[Tier, number, ConfigIssueCode | null]>([
    ["free", 0, null],
    ["free", 1, "TOO_MANY_BOTS"],
    ["basic", 2, null],
    ["basic", 3, "TOO_MANY_BOTS"],
    ["pro", 19, null],
    ["pro", 20, "TOO_MANY_BOTS"],
  ])("when a %s user has %i bots then one more gives %s", (tier, count, code) => {
    expect(checkBotCount(tier, count)?.code ?? null).toBe(code);
  });
});
