import type { DecisionProblem, FailureType } from "@open-trade/llm";
import type { ConfigIssueCode, DenialCode } from "@open-trade/risk-engine";
import { createRedactor } from "../observe/redact.ts";
import type { FillToRecord } from "../store/ledger-writes.ts";

/**
 * Every code an evaluation can store in `bot_evaluations.denial_codes`: the risk engine's denials (the model
 * budget's included), the configuration issues that stop a bot, and the reasons a model's answer was
 * refused before reaching risk.
 */
export type OutcomeCode = DenialCode | ConfigIssueCode | DecisionProblem["code"] | "MALFORMED_OUTPUT";

export type OutcomeKind = "filled" | "hold" | "denied" | "skipped" | "failed";
export type TradingState = "ACTIVE" | "REDUCING" | "HALTED";

/**
 * How one evaluation ended: the one type every step returns when it ends the evaluation, and the one the
 * orchestrator records (evaluations row, failure, fill, status, schedule).
 */
export interface Outcome {
  readonly kind: OutcomeKind;
  readonly reason: string;
  readonly codes: readonly OutcomeCode[];
  readonly tradingState: TradingState;
  readonly decidedBy: string | null;
  readonly marketId: string | null;
  readonly fill?: FillToRecord;
  /**
   * A `bot_failures` row to write (step 11). Only a `failed` outcome counts toward stopping the bot: a refused
   * model answer (denied) has a failure row but is no fault of the bot's.
   */
  readonly failure?: { readonly type: FailureType; readonly marketId: string | null; readonly what: string };
  readonly modelUnavailable?: boolean;
  /** A configuration the bot cannot run with: it stops in this status until its owner acts. */
  readonly stopAs?: "paused" | "error";
}

/** An outcome with no decision behind it (no market, no decider), in the ACTIVE state unless said. */
export function outcome(
  kind: OutcomeKind,
  reason: string,
  more: Partial<Omit<Outcome, "kind" | "reason">> = {},
): Outcome {
  return { kind, reason, codes: [], tradingState: "ACTIVE", decidedBy: null, marketId: null, ...more };
}

// Reasons quote model output and exchange errors; a secret in them is stored and shown as the logger would.
const redactor = createRedactor();

export function redacted(result: Outcome): Outcome {
  const { failure, fill } = result;
  return {
    ...result,
    reason: redactor.text(result.reason),
    ...(failure ? { failure: { ...failure, what: redactor.text(failure.what) } } : {}),
    ...(fill ? { fill: { ...fill, reasoning: redactor.text(fill.reasoning) } } : {}),
  };
}
