import { percentToBps } from "../money/basis-points.ts";
import { formatUsd } from "../money/format-money.ts";
import { usd } from "../money/parse-money.ts";
import type { Usd } from "../money/units.ts";
import type { RiskBudgetType } from "../risk/types.ts";
import { type BoundedField, checkBotField } from "./bot-field-bounds.ts";
import type { ConfigIssue } from "./config-issue.ts";
import { type Issues, readCategories, readOneOf, readString } from "./field-readers.ts";
import { TIER_RULES, type Tier, type TierRule } from "./tier-rules.ts";

export const BOT_STATUSES = ["paper", "live", "paused", "paused:ai_unavailable", "error"] as const;
export type BotStatus = (typeof BOT_STATUSES)[number];
const BUDGET_TYPES: readonly RiskBudgetType[] = ["individual", "shared"];

/** A bot's settings as the web form and the API send them (the `bots` column names). */
export type BotConfigInput = Readonly<Record<string, unknown>>;

/** A valid configuration, with defaults filled in and amounts parsed exactly. */
export interface BotConfig {
  readonly name: string;
  readonly status: BotStatus;
  readonly strategy_prompt: string;
  readonly model_id: string;
  readonly max_daily_loss_usd: Usd | null;
  readonly max_position_size_usd: Usd | null;
  readonly allowed_categories: readonly string[] | null;
  /** Basis points (the column holds a percentage). */
  readonly slippage_threshold_bps: number | null;
  readonly max_trades_per_day: number;
  readonly ai_failure_retry_minutes: number;
  readonly risk_budget_usd: Usd | null;
  readonly risk_budget_type: RiskBudgetType;
  readonly priority: number;
  readonly max_concurrent_markets: number;
  readonly polling_frequency_minutes: number;
  readonly max_daily_llm_cost_usd: Usd | null;
}

export type BotConfigResult =
  | { readonly ok: true; readonly value: BotConfig }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

/** Reads an optional field: absent/null gives `fallback`, anything else goes through `read`. */
function optional<T, F>(value: unknown, fallback: F, read: (v: unknown) => T | undefined): T | F | undefined {
  return value === undefined || value === null ? fallback : read(value);
}

/** Validates a full bot configuration for `tier`, reporting EVERY invalid field, never just the first. */
export function validateBotConfig(
  input: BotConfigInput,
  tier: Tier,
  rules: Readonly<Record<Tier, TierRule>> = TIER_RULES,
): BotConfigResult {
  const issues: Issues = [];
  const rule = rules[tier];
  /** A field of BOT_FIELD_BOUNDS: checked against its domain, then parsed. */
  const bounded = <T, F>(field: BoundedField, fallback: F, parse: (v: never) => T) =>
    optional(input[field], fallback, (v) => {
      const issue = checkBotField(field, v);
      if (issue) issues.push(issue);
      return issue ? undefined : parse(v as never);
    });
  const money = (field: BoundedField) => bounded(field, null, usd);
  const int = (field: BoundedField, fallback: number) => bounded(field, fallback, (v: number) => v);

  const status = optional(input.status, "paper" as const, (v) =>
    readOneOf(issues, "status", v, BOT_STATUSES),
  );
  if (status === "live" && !rule.liveTradingAllowed) {
    const message = `Live trading is not included in the ${tier} tier; use paper mode or upgrade.`;
    issues.push({ field: "status", code: "LIVE_NOT_ALLOWED_FOR_TIER", message });
  }
  const polling = int("polling_frequency_minutes", rule.minPollingMinutes);
  if (polling !== undefined && polling < rule.minPollingMinutes) {
    const message = `The ${tier} tier polls at most every ${rule.minPollingMinutes} minutes; choose ${rule.minPollingMinutes} or more.`;
    issues.push({ field: "polling_frequency_minutes", code: "POLLING_TOO_FREQUENT", message });
  }
  const llmCost = money("max_daily_llm_cost_usd");
  if (llmCost && llmCost > rule.maxDailyLlmCostPerBot) {
    const message = `The ${tier} tier allows at most $${formatUsd(rule.maxDailyLlmCostPerBot)} of model spend per bot per day.`;
    issues.push({ field: "max_daily_llm_cost_usd", code: "ABOVE_TIER_MAXIMUM", message });
  }
  const value = {
    name: optional(input.name, "Untitled Bot", (v) => readString(issues, "name", v, 100)),
    status,
    strategy_prompt: readString(issues, "strategy_prompt", input.strategy_prompt, 10_000),
    model_id: readString(issues, "model_id", input.model_id, 200),
    max_daily_loss_usd: money("max_daily_loss_usd"),
    max_position_size_usd: money("max_position_size_usd"),
    allowed_categories: optional(input.allowed_categories, null, (v) =>
      readCategories(issues, "allowed_categories", v),
    ),
    slippage_threshold_bps: bounded("slippage_threshold_percent", null, percentToBps),
    max_trades_per_day: int("max_trades_per_day", 10),
    ai_failure_retry_minutes: int("ai_failure_retry_minutes", 10),
    risk_budget_usd: money("risk_budget_usd"),
    risk_budget_type: optional(input.risk_budget_type, "individual" as const, (v) =>
      readOneOf(issues, "risk_budget_type", v, BUDGET_TYPES),
    ),
    priority: int("priority", 0),
    max_concurrent_markets: int("max_concurrent_markets", 1),
    polling_frequency_minutes: polling,
    max_daily_llm_cost_usd: llmCost,
  };
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: value as BotConfig };
}

/** Whether the user may create one more bot. */
export function checkBotCount(
  tier: Tier,
  existingBots: number,
  rules: Readonly<Record<Tier, TierRule>> = TIER_RULES,
): ConfigIssue | null {
  const { maxBots } = rules[tier];
  if (existingBots < maxBots) return null;
  const message = `The ${tier} tier allows ${maxBots} bot${maxBots === 1 ? "" : "s"}; delete one or upgrade.`;
  return { field: "bots", code: "TOO_MANY_BOTS", message };
}
