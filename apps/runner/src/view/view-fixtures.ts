import type { EvaluationSummary } from "../evaluation/summary.ts";

/** A filled paper evaluation; override what a test is about. */
export function evaluationEvent(overrides: Partial<EvaluationSummary> = {}): EvaluationSummary {
  return {
    botId: "bot-1",
    botName: "Cheap favourites",
    outcome: "filled",
    reason: "YES ask 0.19 is at most 0.2",
    denialCodes: [],
    mode: "paper",
    status: "paper",
    tradingState: "ACTIVE",
    fill: { marketId: "0xabc", side: "BUY", shares: "52.63", price: "0.19", usd: "10" },
    pnlTodayUsd: "-0.12",
    durationMs: 14,
    ...overrides,
  };
}
