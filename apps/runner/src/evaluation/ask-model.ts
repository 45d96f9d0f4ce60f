import {
  type DecisionSnapshot,
  decide,
  type Llm,
  type ModelDecision,
  type Recipe,
  ReservationMeter,
} from "@open-trade/llm";
import type { Usd } from "@open-trade/risk-engine";
import type { BotState } from "./bot-state.ts";
import type { LlmUsage } from "./llm-usage.ts";
import { type Outcome, outcome } from "./outcome.ts";

/**
 * Step 6: the model decides in the strict decision schema, validated against the snapshot (market exists and
 * is open, category allowed, outcome and side consistent, price inside the book). A refused answer is denied
 * with its codes, not failed: market text can steer a model, and that must not stop the bot.
 */
export async function askModel(
  llm: Llm & { model: NonNullable<Llm["model"]> },
  q: {
    state: BotState;
    recipe: Recipe;
    snapshot: DecisionSnapshot;
    reservation: { evaluationId: string; amount: Usd; modelId: string; nowMs: number };
  },
): Promise<
  { readonly usage: LlmUsage } & ({ readonly decision: ModelDecision } | { readonly outcome: Outcome })
> {
  const { state, reservation } = q;
  const meter = new ReservationMeter(
    {
      id: reservation.evaluationId,
      botId: state.id,
      amountUsd: reservation.amount,
      createdAtMs: reservation.nowMs,
    },
    state.userId,
  );
  const answer = await decide(llm.model, meter, {
    modelId: reservation.modelId,
    recipe: q.recipe,
    snapshot: q.snapshot,
  });
  const usage: LlmUsage = {
    modelId: reservation.modelId,
    reservedUsd: reservation.amount,
    records: meter.records,
  };
  if (answer.ok) return { usage, decision: answer.decision };
  if (answer.code === "MODEL_UNAVAILABLE") {
    const reason = `The model ${reservation.modelId} is unavailable; retrying later.`;
    return {
      usage,
      outcome: outcome("failed", reason, {
        failure: { type: "api_error", marketId: null, what: reason },
        modelUnavailable: true,
      }),
    };
  }
  if (answer.code === "DECISION_REJECTED" || answer.code === "MALFORMED_OUTPUT") {
    const codes = answer.code === "DECISION_REJECTED" ? answer.problems.map((p) => p.code) : [answer.code];
    const reason =
      answer.code === "DECISION_REJECTED"
        ? `The model's decision did not fit the market snapshot (${codes.join(", ")}); nothing was traded.`
        : "The model did not answer in the decision schema; nothing was traded.";
    return {
      usage,
      outcome: outcome("denied", reason, {
        codes,
        failure: { type: "rule_violation", marketId: null, what: reason },
      }),
    };
  }
  const reason = `The model could not be asked (${answer.code}); nothing was traded.`;
  return {
    usage,
    outcome: outcome("failed", reason, { failure: { type: "other", marketId: null, what: reason } }),
  };
}
