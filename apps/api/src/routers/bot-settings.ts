import type { schema } from "@open-trade/db";
import { RULES_DECIDER } from "@open-trade/llm";
import { type ConfigIssue, type Tier, validateBotConfig } from "@open-trade/risk-engine";
import { ApiError } from "../errors/api-error.ts";
import type { BotSettingsInput } from "../inputs/index.ts";

type Settings = Partial<BotSettingsInput>;
export type BotRow = typeof schema.bots.$inferSelect;
type Field = keyof BotSettingsInput;

// API field -> bots column (what the risk engine's validator reads) and the words a trader reads.
const FIELDS: Record<Field, { column: string; label: string }> = {
  name: { column: "name", label: "name" },
  strategyPrompt: { column: "strategy_prompt", label: "strategy" },
  modelId: { column: "model_id", label: "model" },
  maxDailyLossUsd: { column: "max_daily_loss_usd", label: "max daily loss" },
  maxPositionSizeUsd: { column: "max_position_size_usd", label: "max position size" },
  allowedCategories: { column: "allowed_categories", label: "allowed categories" },
  slippageThresholdPercent: { column: "slippage_threshold_percent", label: "slippage threshold" },
  maxTradesPerDay: { column: "max_trades_per_day", label: "max trades per day" },
  aiFailureRetryMinutes: { column: "ai_failure_retry_minutes", label: "model retry minutes" },
  riskBudgetUsd: { column: "risk_budget_usd", label: "risk budget" },
  riskBudgetType: { column: "risk_budget_type", label: "budget type" },
  priority: { column: "priority", label: "priority" },
  maxConcurrentMarkets: { column: "max_concurrent_markets", label: "max concurrent markets" },
  pollingFrequencyMinutes: { column: "polling_frequency_minutes", label: "polling frequency" },
  maxDailyLlmCostUsd: { column: "max_daily_llm_cost_usd", label: "daily model budget" },
};
const FIELD_BY_COLUMN = new Map(Object.entries(FIELDS).map(([field, f]) => [f.column, field]));

/** A bot row's settings in the API's shape (money as exact decimal strings). */
export function settingsOf(bot: BotRow): BotSettingsInput {
  return {
    name: bot.name,
    strategyPrompt: bot.strategyPrompt,
    modelId: bot.modelId ?? RULES_DECIDER,
    maxDailyLossUsd: bot.maxDailyLossUsd,
    maxPositionSizeUsd: bot.maxPositionSizeUsd,
    allowedCategories: bot.allowedCategories,
    slippageThresholdPercent: bot.slippageThresholdPercent,
    maxTradesPerDay: bot.maxTradesPerDay,
    aiFailureRetryMinutes: bot.aiFailureRetryMinutes,
    riskBudgetUsd: bot.riskBudgetUsd,
    riskBudgetType: bot.riskBudgetType,
    priority: bot.priority,
    maxConcurrentMarkets: bot.maxConcurrentMarkets,
    pollingFrequencyMinutes: bot.pollingFrequencyMinutes ?? 60,
    maxDailyLlmCostUsd: bot.maxDailyLlmCostUsd,
  };
}

/**
 * Checks the complete settings with the risk engine's validator for the user's tier and throws every invalid
 * field at once, keyed by the API's field names, with the tier's bounds in the messages.
 */
export function assertValidSettings(settings: Settings, tier: Tier, status: BotRow["status"]): void {
  const row: Record<string, unknown> = { status };
  for (const [field, value] of Object.entries(settings)) {
    const column = FIELDS[field as Field]?.column;
    if (column) row[column] = value;
  }
  row.model_id ??= RULES_DECIDER;
  row.allowed_categories ??= [];
  const result = validateBotConfig(row, tier);
  if (!result.ok) throw invalidSettings(result.issues);
}

function invalidSettings(issues: readonly ConfigIssue[]): ApiError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = FIELD_BY_COLUMN.get(issue.field) ?? issue.field;
    const label = FIELDS[field as Field]?.label ?? field;
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message.replaceAll(issue.field, label)];
  }
  const fields = Object.keys(fieldErrors).map((f) => FIELDS[f as Field]?.label ?? f);
  return new ApiError("INVALID_SETTINGS", `Check these settings: ${fields.join(", ")}.`, { fieldErrors });
}

/** The row values for an insert or update: only the fields given. */
export function toColumns(settings: Settings): Partial<BotRow> {
  // The API's field names are the Drizzle column names, so this only narrows the type.
  return settings;
}
