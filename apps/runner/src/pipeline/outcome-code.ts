import type { DecisionProblem } from "@open-trade/llm";
import type { ConfigIssueCode, DenialCode } from "@open-trade/risk-engine";

/**
 * Every code an evaluation can store in `bot_evaluations.denial_codes`: the risk engine's denials, the
 * configuration issues that stop a bot, and the reasons a model's answer was refused before reaching risk.
 */
export type OutcomeCode = DenialCode | ConfigIssueCode | DecisionProblem["code"] | "MALFORMED_OUTPUT";
