import type { Usd } from "../money/units.ts";
import { type DenialOf, deny } from "../risk/denial.ts";

export interface LlmSpend {
  /** Cost of today's completed model calls. */
  readonly spentToday: Usd;
  /** Reservations of calls still in flight. */
  readonly reserved: Usd;
  /** Upper estimate of the call about to be made. */
  readonly estimate: Usd;
}

/**
 * Run before a model call: spent + reserved + estimate must stay within `max_daily_llm_cost_usd`.
 * Exactly at the cap passes. On null the caller reserves `estimate` and settles it with the real cost.
 */
export function checkLlmReservation(
  spend: LlmSpend,
  maxDailyLlmCost: Usd,
): DenialOf<"LLM_BUDGET_EXCEEDED"> | null {
  return spend.spentToday + spend.reserved + spend.estimate <= maxDailyLlmCost
    ? null
    : deny("LLM_BUDGET_EXCEEDED", { ...spend, maxDailyLlmCost });
}
