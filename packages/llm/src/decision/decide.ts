import type { MeteredDeps, ReservationMeter } from "../cost/metered-call.ts";
import type { Recipe } from "../recipe/recipe-schema.ts";
import type { ReliabilityOptions } from "../reliability/call-model.ts";
import { askForJson, type JsonOutcome, type JsonRequest } from "../structured/ask-for-json.ts";
import { DECISION_SYSTEM, decisionPrompt } from "./decision-prompt.ts";
import { type DecisionWire, decisionWireSchema, type ModelDecision } from "./decision-schema.ts";
import type { DecisionSnapshot } from "./decision-snapshot.ts";
import { type DecisionProblem, validateDecision } from "./validate-decision.ts";

export type DecideOutcome =
  | { readonly ok: true; readonly decision: ModelDecision }
  /** The model answered in shape but the answer does not fit the snapshot; nobody may act on it. */
  | {
      readonly ok: false;
      readonly code: "DECISION_REJECTED";
      readonly problems: readonly DecisionProblem[];
      readonly answer: DecisionWire;
    }
  | Exclude<JsonOutcome<DecisionWire>, { ok: true }>;

const MAX_DECISION_TOKENS = 400;

export interface DecideInput {
  readonly modelId: string;
  readonly recipe: Recipe;
  readonly snapshot: DecisionSnapshot;
}

/** The request decide() sends; pass it to estimateJsonCall to size the reservation first. */
export function decisionRequest(input: DecideInput): JsonRequest<DecisionWire> {
  return {
    modelId: input.modelId,
    system: DECISION_SYSTEM,
    prompt: decisionPrompt(input.recipe, input.snapshot),
    schema: decisionWireSchema,
    maxOutputTokens: MAX_DECISION_TOKENS,
  };
}

/** Asks the model for one decision under a reservation and checks it against the snapshot. */
export async function decide(
  deps: MeteredDeps,
  meter: ReservationMeter,
  input: DecideInput,
  options: ReliabilityOptions = {},
): Promise<DecideOutcome> {
  const answer = await askForJson(deps, meter, "decide", decisionRequest(input), options);
  if (!answer.ok) return answer;
  const checked = validateDecision(answer.value, input.recipe, input.snapshot, answer.modelId);
  if (checked.ok) return checked;
  return { ok: false, code: "DECISION_REJECTED", problems: checked.problems, answer: answer.value };
}
