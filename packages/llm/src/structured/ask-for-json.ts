import type { z } from "zod";
import {
  type MeteredDeps,
  type MeteredOutcome,
  meteredCall,
  type ReservationMeter,
} from "../cost/metered-call.ts";
import type { LlmPurpose } from "../cost/usage-record.ts";
import type { ReliabilityOptions } from "../reliability/call-model.ts";
import { parseModelJson } from "./parse-model-json.ts";

export interface JsonRequest<T> {
  readonly modelId: string;
  readonly system: string;
  readonly prompt: string;
  readonly schema: z.ZodType<T>;
  readonly maxOutputTokens: number;
}

export type JsonOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly modelId: string }
  | { readonly ok: false; readonly code: "MALFORMED_OUTPUT"; readonly issues: readonly string[] }
  | Exclude<MeteredOutcome, { ok: true }>;

const MAX_ECHOED_ANSWER = 4_000;

/**
 * Asks for a JSON object in a strict schema. A malformed answer gets exactly one repair attempt (billed
 * under the same reservation, to the model that answered); a second failure is a typed outcome.
 */
export async function askForJson<T>(
  deps: MeteredDeps,
  meter: ReservationMeter,
  purpose: Exclude<LlmPurpose, "repair">,
  request: JsonRequest<T>,
  options: ReliabilityOptions = {},
): Promise<JsonOutcome<T>> {
  const first = await meteredCall(deps, meter, purpose, request, options);
  if (!first.ok) return first;
  const parsed = parseModelJson(first.reply.text, request.schema);
  if (parsed.ok) return { ok: true, value: parsed.value, modelId: first.modelId };

  const repairPrompt = [
    request.prompt,
    "",
    "Your previous answer could not be used:",
    ...parsed.issues.map((issue) => `- ${issue}`),
    "Previous answer (for reference only):",
    "<<<PREVIOUS_ANSWER",
    first.reply.text.slice(0, MAX_ECHOED_ANSWER),
    "PREVIOUS_ANSWER>>>",
    "Answer again with only one JSON object that matches the schema.",
  ].join("\n");
  const second = await meteredCall(
    deps,
    meter,
    "repair",
    { ...request, modelId: first.modelId, prompt: repairPrompt },
    { ...options, fallbackModelIds: [] },
  );
  if (!second.ok) return second;
  const repaired = parseModelJson(second.reply.text, request.schema);
  if (repaired.ok) return { ok: true, value: repaired.value, modelId: second.modelId };
  return { ok: false, code: "MALFORMED_OUTPUT", issues: repaired.issues };
}
