import type { Usd } from "@open-trade/risk-engine";

/**
 * Money set aside for one model call before it is made. How much may be reserved is the risk engine's rule
 * (`reserveModelCall`: the bot's and the user's daily caps); this package only meters calls against it.
 */
export interface LlmReservation {
  readonly id: string;
  readonly botId: string;
  readonly amountUsd: Usd;
  readonly createdAtMs: number;
}
