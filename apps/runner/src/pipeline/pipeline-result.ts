import type { FailureType } from "@open-trade/llm";
import type { EvaluationEnd } from "../ledger/evaluation-record.ts";
import type { FillToRecord } from "../ledger/record-fill.ts";

/** What the pipeline came to; evaluate-bot.ts writes it down in one transaction. */
export interface PipelineResult {
  readonly end: EvaluationEnd;
  readonly fill?: FillToRecord;
  readonly failure?: { readonly type: FailureType; readonly marketId: string | null; readonly what: string };
  readonly modelUnavailable?: boolean;
  /** Today's PnL as the evaluation computed it (before its own fill). */
  readonly pnlToday: bigint;
}
