import type { OutcomeCode, OutcomeKind, TradingState } from "./outcome.ts";

/** One evaluation as the terminal view, the metrics and the API's "run now" see it. Money as decimal strings. */
export interface EvaluationSummary {
  readonly botId: string;
  readonly botName: string;
  readonly outcome: OutcomeKind;
  readonly reason: string;
  readonly denialCodes: readonly OutcomeCode[];
  readonly mode: "paper" | "live";
  readonly status: string;
  readonly tradingState: TradingState;
  readonly fill?: {
    readonly marketId: string;
    readonly side: "BUY" | "SELL";
    readonly shares: string;
    readonly price: string;
    readonly usd: string;
  };
  readonly pnlTodayUsd: string;
  readonly durationMs: number;
}
