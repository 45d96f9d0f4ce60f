import type { BotContext, FailureRecord as LlmFailure } from "@open-trade/llm";
import type { BotLimitsRow, FailureRecord, RiskProfileRow, Tier, Usd } from "@open-trade/risk-engine";

export type BotStatus = "paper" | "live" | "paused" | "paused:ai_unavailable" | "error";
export type Mode = "paper" | "live";

/** One ledger row of this bot, exact. */
export interface LedgerFill {
  readonly marketId: string;
  readonly tokenId: string;
  readonly side: "BUY" | "SELL";
  readonly shares: bigint;
  readonly price: bigint;
  readonly fee: bigint;
  readonly atMs: number;
}

export interface IntentRow {
  readonly id: string;
  readonly orderId: string;
  readonly mode: Mode;
  readonly marketId: string;
  readonly tokenId: string;
  readonly side: "BUY" | "SELL";
  readonly status: "prepared" | "submitted" | "ambiguous";
  readonly preparedOrder: Record<string, unknown>;
}

/** Everything step 2 of an evaluation loads about one bot, read in one service transaction. */
export interface BotState {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly status: BotStatus;
  /** The mode this evaluation trades in: the status, or for a bot waiting on the model the mode it last ran in. */
  readonly mode: Mode;
  readonly modelId: string | null;
  readonly recipeJson: unknown;
  readonly pollingFrequencyMinutes: number | null;
  readonly aiFailureRetryMinutes: number;
  readonly allowedCategories: readonly string[];
  readonly limitsRow: BotLimitsRow;
  readonly tier: Tier;
  readonly profile: RiskProfileRow | null;
  readonly consecutiveFailures: number;
  readonly dailyLossReachedAtMs: number | null;
  /** This bot's ledger rows in its current mode (paper or live), oldest first. */
  readonly fills: readonly LedgerFill[];
  readonly context: BotContext;
  readonly failures: readonly FailureRecord[];
  readonly recentNotes: readonly string[];
  readonly llmSpentTodayUsd: Usd;
  readonly llmOpenReservationsUsd: Usd;
  /** The same across all the user's bots (the tier caps the user's daily model spend). */
  readonly userLlmSpentTodayUsd: Usd;
  readonly userLlmOpenReservationsUsd: Usd;
  readonly unresolvedIntents: readonly IntentRow[];
}

export type { LlmFailure };
