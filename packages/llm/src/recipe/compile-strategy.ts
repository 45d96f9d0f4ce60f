import type { MeteredDeps, ReservationMeter } from "../cost/metered-call.ts";
import type { ReliabilityOptions } from "../reliability/call-model.ts";
import { askForJson, type JsonOutcome, type JsonRequest } from "../structured/ask-for-json.ts";
import { applyHardLimits } from "./apply-hard-limits.ts";
import type { BotLimits } from "./bot-limits.ts";
import { COMPILE_SYSTEM, compilePrompt } from "./compile-prompt.ts";
import { type CompiledRecipe, type RecipeCache, recipeCacheKey } from "./recipe-cache.ts";
import { type Recipe, recipeSchema } from "./recipe-schema.ts";

export interface CompileInput {
  readonly strategyPrompt: string;
  readonly modelId: string;
  readonly limits: BotLimits;
}

export type CompileOutcome =
  | ({ readonly ok: true; readonly cacheHit: boolean; readonly cacheKey: string } & CompiledRecipe)
  | Exclude<JsonOutcome<Recipe>, { ok: true }>;

const MAX_RECIPE_TOKENS = 1_500;

/** The request a cache miss sends; pass it to estimateJsonCall to size the reservation first. */
export function compileRequest(input: CompileInput): JsonRequest<Recipe> {
  return {
    modelId: input.modelId,
    system: COMPILE_SYSTEM,
    prompt: compilePrompt(input.strategyPrompt, input.limits),
    schema: recipeSchema,
    maxOutputTokens: MAX_RECIPE_TOKENS,
  };
}

/**
 * strategy_prompt + limits -> a recipe inside the limits, with warnings for what was capped.
 * A cache hit makes no call and charges nothing to the meter.
 */
export async function compileStrategy(
  deps: MeteredDeps & { readonly cache: RecipeCache },
  meter: ReservationMeter,
  input: CompileInput,
  options: ReliabilityOptions = {},
): Promise<CompileOutcome> {
  const cacheKey = recipeCacheKey(input.strategyPrompt, input.modelId, input.limits);
  const cached = await deps.cache.get(cacheKey);
  if (cached) return { ok: true, cacheHit: true, cacheKey, ...cached };

  const answer = await askForJson(deps, meter, "compile", compileRequest(input), options);
  if (!answer.ok) return answer;
  const compiled = applyHardLimits(answer.value, input.limits);
  await deps.cache.set(cacheKey, compiled);
  return { ok: true, cacheHit: false, cacheKey, ...compiled };
}
