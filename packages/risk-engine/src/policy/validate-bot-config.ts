import { percentToBps } from "../money/basis-points.ts";
import { usd } from "../money/parse-money.ts";
import type { Usd } from "../money/units.ts";
import type { RiskBudgetType } from "../risk/types.ts";
import type { ConfigIssue } from "./config-issue.ts";
import {
  type Issues,
  readCategories,
  readDecimal,
  readInteger,
  readOneOf,
  readString,
} from "./field-readers.ts";
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

const DAY_MINUTES = 1_440;
const positive = (x: bigint) => x > 0n;
const nonNegative = (x: bigint) => x >= 0n;

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
  const money = (field: string, check: (x: bigint) => boolean, text: string) =>
    optional(input[field], null, (v) => readDecimal(issues, field, v, usd, check, text));
  const int = (field: string, fallback: number, min: number, max: number) =>
    optional(input[field], fallback, (v) => readInteger(issues, field, v, min, max));

  const status = optional(input.status, "paper" as const, (v) =>
    readOneOf(issues, "status", v, BOT_STATUSES),
  );
  if (status === "live" && !rule.liveTradingAllowed) {
    const message = `Live trading is not included in the ${tier} tier; use paper mode or upgrade.`;
    issues.push({ field: "status", code: "LIVE_NOT_ALLOWED_FOR_TIER", message });
  }
  const polling = int("polling_frequency_minutes", rule.minPollingMinutes, 1, DAY_MINUTES);
  if (polling !== undefined && polling < rule.minPollingMinutes) {
    const message = `The ${tier} tier polls at most every ${rule.minPollingMinutes} minutes; choose ${rule.minPollingMinutes} or more.`;
    issues.push({ field: "polling_frequency_minutes", code: "POLLING_TOO_FREQUENT", message });
  }
  const value = {
    name: optional(input.name, "Untitled Bot", (v) => readString(issues, "name", v, 100)),
    status,
    strategy_prompt: readString(issues, "strategy_prompt", input.strategy_prompt, 10_000),
    model_id: readString(issues, "model_id", input.model_id, 200),
    max_daily_loss_usd: money("max_daily_loss_usd", positive, "above 0"),
    max_position_size_usd: money("max_position_size_usd", positive, "above 0"),
    allowed_categories: optional(input.allowed_categories, null, (v) =>
      readCategories(issues, "allowed_categories", v),
    ),
    slippage_threshold_bps: optional(input.slippage_threshold_percent, null, (v) =>
      readDecimal(
        issues,
        "slippage_threshold_percent",
        v,
        percentToBps,
        (bps) => bps > 0,
        "above 0 and at most 100",
      ),
    ),
    max_trades_per_day: int("max_trades_per_day", 10, 1, 10_000),
    ai_failure_retry_minutes: int("ai_failure_retry_minutes", 10, 1, DAY_MINUTES),
    risk_budget_usd: money("risk_budget_usd", positive, "above 0"),
    risk_budget_type: optional(input.risk_budget_type, "individual" as const, (v) =>
      readOneOf(issues, "risk_budget_type", v, BUDGET_TYPES),
    ),
    priority: int("priority", 0, -1_000, 1_000),
    max_concurrent_markets: int("max_concurrent_markets", 1, 1, 1_000),
    polling_frequency_minutes: polling,
    max_daily_llm_cost_usd: money("max_daily_llm_cost_usd", nonNegative, "to 0 or more"),
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
