import { type BotConfigInput, type ConfigIssue, type Tier, validateBotConfig } from "@open-trade/risk-engine";

/** A form's raw values: every field is text as typed, or a list for categories. */
export type BotFormValues = Record<string, string | boolean | readonly string[]>;

const NUMBER_FIELDS = new Set([
  "max_trades_per_day",
  "max_concurrent_markets",
  "polling_frequency_minutes",
  "ai_failure_retry_minutes",
  "priority",
]);

/** The form's text as the validator and API expect it: blanks left out, integers as numbers, amounts as strings. */
export function toConfigInput(values: BotFormValues): BotConfigInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string") {
      const text = value.trim();
      if (text === "") continue;
      out[key] = NUMBER_FIELDS.has(key) && /^-?\d+$/.test(text) ? Number(text) : text;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Every problem with the form at once, by field, from the same validator the API runs. */
export function issuesByField(values: BotFormValues, tier: Tier): Record<string, string[]> {
  const result = validateBotConfig(toConfigInput(values), tier);
  if (result.ok) return {};
  return groupIssues(result.issues);
}

export function groupIssues(issues: readonly ConfigIssue[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const issue of issues) {
    grouped[issue.field] = [...(grouped[issue.field] ?? []), issue.message];
  }
  return grouped;
}
