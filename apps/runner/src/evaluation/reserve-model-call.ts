import type { Llm } from "@open-trade/llm";
import {
  type RiskLimits,
  reserveModelCall as reserve,
  TIER_RULES,
  type Usd,
  usd,
} from "@open-trade/risk-engine";
import type { BotState } from "./bot-state.ts";
import { type Outcome, outcome } from "./outcome.ts";

/** The most one decision may reserve: well above a 20-market prompt on the dearest model (~$0.02). */
const MAX_RESERVATION = usd("0.25");

/**
 * Step 4: a model can be asked (the bot has one, the runner has a key) and the call fits both the bot's
 * `max_daily_llm_cost_usd` and the tier's per-user daily cap, checked by the risk engine. The orchestrator
 * stores the reservation before the call, so a crash mid-call still counts the money.
 */
export function reserveModelCall(
  llm: Llm,
  state: BotState,
  limits: RiskLimits,
):
  | { readonly ok: true; readonly amount: Usd; readonly modelId: string }
  | { readonly ok: false; readonly outcome: Outcome } {
  if (state.modelId === null) {
    const reason = "The recipe needs judgement but the bot has no model; choose a model for it.";
    return { ok: false, outcome: outcome("skipped", reason) };
  }
  if (llm.model === null) {
    const reason =
      "Waiting for a model: set OPENROUTER_API_KEY so this bot can decide (rule-only bots run without it).";
    return { ok: false, outcome: outcome("skipped", reason) };
  }
  const { today } = state;
  const reserved = reserve(
    {
      bot: { spentToday: today.llmSpentUsd, reserved: today.llmReservedUsd },
      user: { spentToday: today.userLlmSpentUsd, reserved: today.userLlmReservedUsd },
    },
    { bot: limits.maxDailyLlmCost, user: TIER_RULES[state.tier].maxDailyLlmCostPerUser },
    MAX_RESERVATION,
  );
  if (reserved.ok) return { ok: true, amount: reserved.estimate, modelId: state.modelId };
  const which =
    reserved.denial.code === "LLM_BUDGET_EXCEEDED"
      ? "this bot's model budget (max_daily_llm_cost_usd)"
      : `the ${state.tier} tier's model budget across all your bots`;
  const reason = `Today's model spend reached ${which}; the bot waits until tomorrow.`;
  return { ok: false, outcome: outcome("skipped", reason, { codes: [reserved.denial.code] }) };
}
