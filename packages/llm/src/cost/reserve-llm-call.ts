import { type Usd, usdMicros } from "@open-trade/risk-engine";

export interface LlmBudget {
  /** The bot's `max_daily_llm_cost_usd`. */
  readonly capUsd: Usd;
  /** Billed today, summed from stored usage records. */
  readonly spentTodayUsd: Usd;
  /** Reservations taken today and not yet settled. */
  readonly openReservationsUsd: Usd;
}

export interface LlmReservation {
  readonly id: string;
  readonly botId: string;
  readonly amountUsd: Usd;
  readonly createdAtMs: number;
}

export type ReservationOutcome =
  | { readonly ok: true; readonly reservation: LlmReservation }
  | {
      readonly ok: false;
      readonly code: "LLM_DAILY_BUDGET_EXHAUSTED";
      readonly capUsd: Usd;
      readonly committedUsd: Usd;
      readonly requestedUsd: Usd;
    };

/**
 * The step the caller runs before every model call: the worst-case estimate must fit under the daily cap
 * together with what is already spent or reserved. Pure, so the caller can run it inside the same
 * transaction that stores the reservation.
 */
export function reserveLlmCall(input: {
  readonly id: string;
  readonly botId: string;
  readonly budget: LlmBudget;
  readonly estimateUsd: Usd;
  readonly nowMs: number;
}): ReservationOutcome {
  const committedUsd = usdMicros(input.budget.spentTodayUsd + input.budget.openReservationsUsd);
  if (committedUsd + input.estimateUsd > input.budget.capUsd) {
    return {
      ok: false,
      code: "LLM_DAILY_BUDGET_EXHAUSTED",
      capUsd: input.budget.capUsd,
      committedUsd,
      requestedUsd: input.estimateUsd,
    };
  }
  return {
    ok: true,
    reservation: { id: input.id, botId: input.botId, amountUsd: input.estimateUsd, createdAtMs: input.nowMs },
  };
}
