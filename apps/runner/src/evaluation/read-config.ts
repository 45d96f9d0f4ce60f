import { type Recipe, recipeSchema } from "@open-trade/llm";
import {
  type BoundedField,
  type ConfigIssue,
  checkStoredBot,
  type RiskLimits,
  resolveLimits,
  TIER_RULES,
} from "@open-trade/risk-engine";
import type { BotState } from "./bot-state.ts";
import { type Outcome, outcome } from "./outcome.ts";

export type ConfigRead =
  | { readonly ok: true; readonly recipe: Recipe; readonly limits: RiskLimits }
  | {
      readonly ok: false;
      readonly issues: readonly ConfigIssue[];
      /** `paused` when the bot may run again once its owner acts (a tier change), `error` otherwise. */
      readonly stopAs: "paused" | "error";
      /** The coded configuration failure that stops the bot at once (no retries). */
      readonly outcome: Outcome;
    };

const PROFILE_FIELDS: Readonly<Record<string, BoundedField>> = {
  default_daily_loss_usd: "max_daily_loss_usd",
  default_position_size_usd: "max_position_size_usd",
  default_slippage_threshold_percent: "slippage_threshold_percent",
  global_risk_budget_usd: "risk_budget_usd",
};

/**
 * Step 2's second half (read-config): the stored configuration read through the same validators that guard its writes
 * (the recipe schema, the risk engine's field bounds, the tier), before anything uses it. A row written
 * before a bound existed, or a tier downgraded under a live bot, ends here with its codes instead of
 * throwing later or trading on.
 */
export function readConfig(state: BotState): ConfigRead {
  const read = readStored(state);
  if (read.ok) return read;
  const reason = read.issues.map((i) => i.message).join(" ");
  const stop = outcome("failed", reason, {
    codes: read.issues.map((i) => i.code),
    failure: { type: "other", marketId: null, what: reason },
    stopAs: read.stopAs,
  });
  return { ...read, outcome: stop };
}

function readStored(state: BotState): ConfigRead | Omit<Extract<ConfigRead, { ok: false }>, "outcome"> {
  if (state.mode === "live" && !TIER_RULES[state.tier].liveTradingAllowed) {
    const message = `The ${state.tier} tier does not include live trading, so the bot was paused; upgrade, or switch it to paper.`;
    return {
      ok: false,
      issues: [{ field: "status", code: "LIVE_NOT_ALLOWED_FOR_TIER", message }],
      stopAs: "paused",
    };
  }
  const issues = checkStoredBot({
    ...state.limits,
    polling_frequency_minutes: state.pollingFrequencyMinutes,
    ai_failure_retry_minutes: state.aiFailureRetryMinutes,
  });
  for (const [column, field] of Object.entries(PROFILE_FIELDS)) {
    const value = state.profile?.[column as keyof NonNullable<BotState["profile"]>];
    for (const issue of value == null ? [] : checkStoredBot({ [field]: value }))
      issues.push({
        ...issue,
        field: `user_risk_profiles.${column}`,
        message: `Risk profile default: ${issue.message}`,
      });
  }
  const recipe = recipeSchema.safeParse(state.recipeJson);
  if (!recipe.success) {
    const where = recipe.error.issues
      .slice(0, 3)
      .map((i) => i.path.join(".") || "(the recipe)")
      .join(", ");
    const message = `The recipe is not valid (${where}); compile the bot's strategy again.`;
    issues.push({ field: "recipe_json", code: "RECIPE_INVALID", message });
  }
  if (issues.length > 0 || !recipe.success) return { ok: false, issues, stopAs: "error" };
  return { ok: true, recipe: recipe.data, limits: resolveLimits(state.limits, state.profile, state.tier) };
}
