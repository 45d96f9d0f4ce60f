import {
  type Decision,
  type DecisionSnapshot,
  decide,
  evaluateRules,
  type Llm,
  type LlmUsageRecord,
  type Recipe,
  ReservationMeter,
  reserveLlmCall,
} from "@open-trade/llm";
import { type RiskLimits, type Usd, usd } from "@open-trade/risk-engine";
import type { BotState } from "./bot-state.ts";

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
  | { readonly kind: "skipped"; readonly reason: string; readonly usage: LlmUsage }
  | { readonly kind: "model-unavailable"; readonly reason: string; readonly usage: LlmUsage }
  | { readonly kind: "rejected"; readonly reason: string; readonly usage: LlmUsage };

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
      usage: NO_USAGE,
    };
  }
  if (llm.model === null) {
    return {
      kind: "skipped",
      reason:
        "Waiting for a model: set OPENROUTER_API_KEY so this bot can decide (rule-only bots run without it).",
      usage: NO_USAGE,
    };
  }
  const committed = state.llmSpentTodayUsd + state.llmOpenReservationsUsd;
  const left = limits.maxDailyLlmCost - committed;
  let amount = MAX_RESERVATION;
  if (left < amount) amount = left as Usd;
  const reservation = reserveLlmCall({
    id: evaluationId,
    botId: state.id,
    budget: {
      capUsd: limits.maxDailyLlmCost,
      spentTodayUsd: state.llmSpentTodayUsd,
      openReservationsUsd: state.llmOpenReservationsUsd,
    },
    estimateUsd: amount,
    nowMs,
  });
  if (!reservation.ok || amount <= 0n) {
    return {
      kind: "skipped",
      reason:
        "Today's model budget (max_daily_llm_cost_usd) is used up; the bot waits until tomorrow or a higher cap.",
      usage: NO_USAGE,
    };
  }
  await onReserve(amount, state.modelId);
  const meter = new ReservationMeter(reservation.reservation, state.userId);
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
    const codes = outcome.problems.map((p) => p.code).join(", ");
    return {
      kind: "rejected",
      reason: `The model's decision did not fit the market snapshot (${codes}); nothing was traded.`,
      usage,
    };
  }
  return {
    kind: "rejected",
    reason: `The model could not answer in the decision schema (${outcome.code}); nothing was traded.`,
    usage,
  };
}
