import { type ConfigIssue, type Tier, validateBotConfig } from "@open-trade/risk-engine";

/** The builder's values: every text field as typed (blank means "use the default"). */
export interface BotFormValues {
  name: string;
  strategyPrompt: string;
  modelId: string;
  allowedCategories: string;
  maxPositionSizeUsd: string;
  maxDailyLossUsd: string;
  riskBudgetUsd: string;
  riskBudgetType: "individual" | "shared";
  slippageThresholdPercent: string;
  maxTradesPerDay: string;
  maxConcurrentMarkets: string;
  pollingFrequencyMinutes: string;
  maxDailyLlmCostUsd: string;
  aiFailureRetryMinutes: string;
}

const AMOUNTS = [
  "maxPositionSizeUsd",
  "maxDailyLossUsd",
  "riskBudgetUsd",
  "slippageThresholdPercent",
  "maxDailyLlmCostUsd",
] as const;
const INTEGERS = [
  "maxTradesPerDay",
  "maxConcurrentMarkets",
  "pollingFrequencyMinutes",
  "aiFailureRetryMinutes",
] as const;

/** The API's bot settings: amounts as exact strings or null, counts as integers, categories as a list. */
export function toSettings(values: BotFormValues) {
  const text = (v: string) => v.trim();
  const amounts = Object.fromEntries(
    AMOUNTS.map((k) => [k, text(values[k]) === "" ? null : text(values[k])]),
  );
  const integers = Object.fromEntries(
    INTEGERS.filter((k) => text(values[k]) !== "").map((k) => [
      k,
      /^-?\d+$/.test(text(values[k])) ? Number(text(values[k])) : Number.NaN,
    ]),
  );
  const categories = values.allowedCategories
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  return {
    name: text(values.name),
    strategyPrompt: values.strategyPrompt,
    modelId: text(values.modelId),
    allowedCategories: categories,
    riskBudgetType: values.riskBudgetType,
    ...amounts,
    ...integers,
  } as {
    name: string;
    strategyPrompt: string;
    modelId: string;
    allowedCategories: string[];
    riskBudgetType: "individual" | "shared";
  } & Record<(typeof AMOUNTS)[number], string | null> &
    Partial<Record<(typeof INTEGERS)[number], number>>;
}

const toSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const toCamel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Every problem with the form at once, keyed by form field, from the validator the API itself runs. */
export function issuesByField(
  values: BotFormValues,
  tier: Tier,
  status: "paper" | "live" | "paused" = "paused",
): Record<string, string[]> {
  const settings: Record<string, unknown> = { ...toSettings(values), status };
  const snake = Object.fromEntries(Object.entries(settings).map(([k, v]) => [toSnake(k), v]));
  const result = validateBotConfig(snake, tier);
  const issues = result.ok ? {} : groupIssues(result.issues);
  // The runner only looks at markets in the allowed categories: an empty list would leave the bot idle forever.
  if (toSettings(values).allowedCategories.length === 0) {
    issues.allowedCategories = ["Choose at least one category; with none the bot never finds a market."];
  }
  return issues;
}

export function groupIssues(issues: readonly ConfigIssue[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = toCamel(issue.field);
    grouped[field] = [...(grouped[field] ?? []), issue.message];
  }
  return grouped;
}
