import {
  type Decision,
  type DecisionSnapshot,
  decide,
  evaluateRules,
  type Llm,
  type LlmUsageRecord,
  type Recipe,
  ReservationMeter,
} from "@open-trade/llm";
import { type RiskLimits, reserveModelCall, TIER_RULES, type Usd, usd } from "@open-trade/risk-engine";
import type { BotState } from "./bot-state.ts";
import type { OutcomeCode } from "./outcome-code.ts";

/** The most one decision may reserve: well above a 20-market prompt on the dearest model (~$0.02). */
const MAX_RESERVATION = usd("0.25");

export interface LlmUsage {
  readonly modelId: string | null;
  readonly reservedUsd: Usd;
  readonly records: readonly LlmUsageRecord[];
}

/** An evaluation that asked no model. */
export const NO_USAGE: LlmUsage = { modelId: null, reservedUsd: 0n as Usd, records: [] };

export type DecisionStep =
  | { readonly kind: "decided"; readonly decision: Decision; readonly usage: LlmUsage }
  | {
      readonly kind: "skipped";
      readonly reason: string;
      readonly codes: readonly OutcomeCode[];
      readonly usage: LlmUsage;
    }
  | { readonly kind: "model-unavailable"; readonly reason: string; readonly usage: LlmUsage }
  | {
      readonly kind: "rejected";
      readonly reason: string;
      readonly codes: readonly OutcomeCode[];
      readonly usage: LlmUsage;
    }
  | { readonly kind: "failed"; readonly reason: string; readonly usage: LlmUsage };

/**
 * Steps 3, 4 and 6: deterministic rules first (exits for every recipe, entries for rule-only ones); only
 * when judgement is needed is the model asked, and only after a reservation against the bot's daily model
 * budget has been recorded (`onReserve`), so a crash mid-call still counts the money.
 */
export async function makeDecision(
  llm: Llm,
  state: BotState,
  recipe: Recipe,
  snapshot: DecisionSnapshot,
  limits: RiskLimits,
  evaluationId: string,
  nowMs: number,
  onReserve: (amount: Usd, modelId: string) => Promise<void>,
): Promise<DecisionStep> {
  const local = evaluateRules(recipe, snapshot);
  if (local.ok) return { kind: "decided", decision: local.decision, usage: NO_USAGE };
  if (state.modelId === null) {
    return {
      kind: "skipped",
      reason: "The recipe needs judgement but the bot has no model; choose a model for it.",
      codes: [],
      usage: NO_USAGE,
    };
  }
  if (llm.model === null) {
    return {
      kind: "skipped",
      reason:
        "Waiting for a model: set OPENROUTER_API_KEY so this bot can decide (rule-only bots run without it).",
      codes: [],
      usage: NO_USAGE,
    };
  }
  const reserved = reserveModelCall(
    {
      bot: { spentToday: state.llmSpentTodayUsd, reserved: state.llmOpenReservationsUsd },
      user: { spentToday: state.userLlmSpentTodayUsd, reserved: state.userLlmOpenReservationsUsd },
    },
    { bot: limits.maxDailyLlmCost, user: TIER_RULES[state.tier].maxDailyLlmCostPerUser },
    MAX_RESERVATION,
  );
  if (!reserved.ok) {
    const which =
      reserved.denial.code === "LLM_BUDGET_EXCEEDED"
        ? "this bot's model budget (max_daily_llm_cost_usd)"
        : `the ${state.tier} tier's model budget across all your bots`;
    return {
      kind: "skipped",
      reason: `Today's model spend reached ${which}; the bot waits until tomorrow.`,
      codes: [reserved.denial.code],
      usage: NO_USAGE,
    };
  }
  const amount = reserved.estimate;
  const reservation = { id: evaluationId, botId: state.id, amountUsd: amount, createdAtMs: nowMs };
  await onReserve(amount, state.modelId);
  const meter = new ReservationMeter(reservation, state.userId);
  const outcome = await decide(llm.model, meter, { modelId: state.modelId, recipe, snapshot });
  const usage: LlmUsage = { modelId: state.modelId, reservedUsd: amount, records: meter.records };
  if (outcome.ok) return { kind: "decided", decision: outcome.decision, usage };
  if (outcome.code === "MODEL_UNAVAILABLE") {
    return {
      kind: "model-unavailable",
      reason: `The model ${state.modelId} is unavailable; retrying later.`,
      usage,
    };
  }
  if (outcome.code === "DECISION_REJECTED") {
    const codes = outcome.problems.map((p) => p.code);
    return {
      kind: "rejected",
      reason: `The model's decision did not fit the market snapshot (${codes.join(", ")}); nothing was traded.`,
      codes,
      usage,
    };
  }
  if (outcome.code === "MALFORMED_OUTPUT") {
    return {
      kind: "rejected",
      reason: "The model did not answer in the decision schema; nothing was traded.",
      codes: [outcome.code],
      usage,
    };
  }
  return {
    kind: "failed",
    reason: `The model could not be asked (${outcome.code}); nothing was traded.`,
    usage,
  };
}
