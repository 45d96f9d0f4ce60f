import type { FailureType } from "@open-trade/llm";
import type { EvaluationEnd, Outcome } from "../ledger/evaluation-record.ts";
import type { FillToRecord } from "../ledger/record-fill.ts";
import { NO_USAGE } from "./make-decision.ts";

/** What the pipeline came to; evaluate-bot.ts writes it down in one transaction. */
export interface PipelineResult {
  readonly end: EvaluationEnd;
  readonly fill?: FillToRecord;
  readonly failure?: { readonly type: FailureType; readonly marketId: string | null; readonly what: string };
  readonly modelUnavailable?: boolean;
  /** A configuration the bot cannot run with: it stops in this status until its owner acts. */
  readonly stopAs?: "paused" | "error";
  /** Today's PnL as the evaluation computed it (before its own fill). */
  readonly pnlToday: bigint;
}

/** How an evaluation ends before any decision was made: no market, no denial, no model spend. */
export function undecided(
  outcome: Outcome,
  reason: string,
  timingsMs: Readonly<Record<string, number>>,
  tradingState: EvaluationEnd["tradingState"] = "ACTIVE",
): EvaluationEnd {
  return {
    outcome,
    reason,
    denialCodes: [],
    decidedBy: null,
    marketId: null,
    tradingState,
    usage: NO_USAGE,
    timingsMs,
  };
}
