import type { BotStateRow, LedgerFill } from "@open-trade/db/queries";
import type { BotContext } from "@open-trade/llm";
import type { FailureRecord } from "@open-trade/risk-engine";

export type { LedgerFill };
export type Mode = BotStateRow["mode"];

/** An order written ahead that has not settled yet (crash safety, DESIGN step 9). */
export interface IntentRow {
  readonly id: string;
  readonly orderId: string;
  /** The evaluation that placed it: a fill found later is still that evaluation's. */
  readonly evaluationId: string | null;
  readonly mode: Mode;
  readonly marketId: string;
  readonly tokenId: string;
  readonly side: "BUY" | "SELL";
  readonly status: "prepared" | "submitted" | "ambiguous";
  readonly preparedOrder: Record<string, unknown>;
}

/** Everything step 2 of an evaluation loads about one bot, read in one service transaction. */
export interface BotState extends BotStateRow {
  /** This bot's ledger rows in its current mode (paper or live), oldest first. */
  readonly fills: readonly LedgerFill[];
  readonly context: BotContext;
  /** Recent failures as the risk engine's adaptations read them (newest first). */
  readonly failures: readonly FailureRecord[];
  readonly recentNotes: readonly string[];
  readonly unresolvedIntents: readonly IntentRow[];
}
