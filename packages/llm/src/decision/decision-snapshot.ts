import type { Price, Shares, Usd } from "@open-trade/risk-engine";

export type OutcomeSide = "YES" | "NO";

export interface PriceMove {
  readonly windowMinutes: number;
  /** Signed change in micro-USD over the window (current minus then). */
  readonly changeMicros: bigint;
}

export interface CandidateOutcome {
  readonly side: OutcomeSide;
  /** The market's own label, e.g. "Yes" or a team name. Untrusted text. */
  readonly label: string;
  readonly bestBid: Price | null;
  readonly bestAsk: Price | null;
  readonly moves: readonly PriceMove[];
}

export interface CandidateMarket {
  readonly marketId: string;
  /** Untrusted: written by whoever created the market. */
  readonly question: string;
  /** Untrusted, and the usual place for an injected "instruction". */
  readonly description: string;
  readonly category: string;
  readonly outcomes: readonly CandidateOutcome[];
  readonly liquidityUsd: Usd;
  readonly endsAtMs: number;
  readonly tickSize: Price;
}

export interface SnapshotPosition {
  readonly marketId: string;
  readonly side: OutcomeSide;
  readonly shares: Shares;
  readonly averageEntryPrice: Price;
  readonly openedAtMs: number;
}

/** What is left under each hard limit right now, as the risk engine computed it. */
export interface Room {
  readonly perTradeUsd: Usd;
  readonly budgetLeftUsd: Usd;
  readonly tradesLeftToday: number;
  readonly newMarketsLeft: number;
}

/** Lessons from `bot_context` and recent `bot_failures`; see reflection/. */
export interface DecisionMemory {
  readonly lessons: readonly string[];
  readonly adaptationNotes: readonly string[];
  /** 10_000 = full size; lessons only ever lower it. */
  readonly sizeMultiplierBps: number;
  readonly minLiquidityUsd: Usd | null;
}

export interface DecisionSnapshot {
  readonly nowMs: number;
  /** Include the markets of held positions, so a sell can refer to them. */
  readonly candidates: readonly CandidateMarket[];
  readonly positions: readonly SnapshotPosition[];
  readonly room: Room;
  readonly memory: DecisionMemory;
  /** The bot's `allowed_categories` now; a recipe compiled under older limits cannot widen them. */
  readonly allowedCategories: readonly string[];
  /** When the bot last sold out of each market it no longer holds (condition id → ms), for the re-entry cooldown. */
  readonly exitedAtMs?: Readonly<Record<string, number>>;
}

/** Short references ("m1") stand in for condition ids in prompts: fewer tokens, nothing to mistype. */
export const marketRef = (index: number): string => `m${index + 1}`;
