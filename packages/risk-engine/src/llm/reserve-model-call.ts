import type { Usd } from "../money/units.ts";
import type { DenialOf } from "../risk/denial.ts";
import { checkLlmReservation } from "./check-llm-reservation.ts";

/** Model money already committed today: billed calls and reservations of calls still in flight. */
export interface ModelSpendToday {
  readonly spentToday: Usd;
  readonly reserved: Usd;
}

export type ModelReservation =
  | { readonly ok: true; readonly estimate: Usd }
  | { readonly ok: false; readonly denial: DenialOf<"LLM_BUDGET_EXCEEDED" | "USER_LLM_BUDGET_EXCEEDED"> };

/**
 * How much to reserve before a model call: `maxEstimate`, cut to what is left under the bot's
 * `max_daily_llm_cost_usd` and under the user's daily total across all bots (the operator's key pays for
 * both). Nothing left under either gives that cap's typed denial, and the call must not be made.
 */
export function reserveModelCall(
  spend: { readonly bot: ModelSpendToday; readonly user: ModelSpendToday },
  caps: { readonly bot: Usd; readonly user: Usd },
  maxEstimate: Usd,
): ModelReservation {
  const left = (s: ModelSpendToday, cap: Usd) => cap - s.spentToday - s.reserved;
  const room = [maxEstimate, left(spend.bot, caps.bot), left(spend.user, caps.user)].reduce((a, b) =>
    b < a ? b : a,
  );
  // With no room the smallest possible call (one micro-dollar) is what the denial reports as refused.
  const estimate = (room > 0n ? room : 1n) as Usd;
  const bot = checkLlmReservation({ ...spend.bot, estimate }, caps.bot);
  if (bot) return { ok: false, denial: bot };
  const user = checkLlmReservation({ ...spend.user, estimate }, caps.user);
  if (user) return { ok: false, denial: { code: "USER_LLM_BUDGET_EXCEEDED", context: user.context } };
  return { ok: true, estimate };
}
