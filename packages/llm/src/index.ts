export { type CatalogEntry, type ModelPricing, toCatalogEntry } from "./catalog/catalog-entry.ts";
export { fetchModelList } from "./catalog/fetch-model-list.ts";
export { ModelCatalog, type ModelCatalogOptions } from "./catalog/model-catalog.ts";
export { type CallCost, type CostSource, callCost } from "./cost/call-cost.ts";
export { type CostEstimate, estimateCallCost } from "./cost/estimate-call-cost.ts";
export type { LlmReservation } from "./cost/llm-reservation.ts";
export { type MeteredDeps, type MeteredOutcome, meteredCall, ReservationMeter } from "./cost/metered-call.ts";
export { type LlmPurpose, type LlmUsageRecord, sumBilledUsd } from "./cost/usage-record.ts";
export { createLlm, type Llm } from "./create-llm.ts";
export { type DecideInput, type DecideOutcome, decide, decisionRequest } from "./decision/decide.ts";
export { DECISION_SYSTEM, decisionPrompt } from "./decision/decision-prompt.ts";
export {
  type DecisionAmount,
  type DecisionWire,
  decisionWireSchema,
  type ModelDecision,
  RULES_DECIDER,
} from "./decision/decision-schema.ts";
export type {
  CandidateMarket,
  CandidateOutcome,
  DecisionMemory,
  DecisionSnapshot,
  OutcomeSide,
  PriceMove,
  Room,
  SnapshotPosition,
} from "./decision/decision-snapshot.ts";
export { effectivePerTradeUsd, eligibleCandidates } from "./decision/eligible-candidates.ts";
export {
  type DecisionProblem,
  type ValidatedDecision,
  validateDecision,
} from "./decision/validate-decision.ts";
export { endpointUrlSchema } from "./endpoint-url.ts";
export type { LlmEnv } from "./env.ts";
export { readLlmEnv } from "./env.ts";
export type { Clock, Random } from "./ports.ts";
export type { ModelFailure, ModelGateway, ModelReply, ModelRequest } from "./provider/model-gateway.ts";
export { ModelCallError } from "./provider/model-gateway.ts";
export { createOpenRouterGateway, type OpenRouterConfig } from "./provider/openrouter-gateway.ts";
export { applyHardLimits, type RecipeWarning } from "./recipe/apply-hard-limits.ts";
export { type BotLimits, botLimitsRowSchema, toBotLimits } from "./recipe/bot-limits.ts";
export {
  type CompileInput,
  type CompileOutcome,
  compileRequest,
  compileStrategy,
} from "./recipe/compile-strategy.ts";
export {
  type CompiledRecipe,
  inMemoryRecipeCache,
  type RecipeCache,
  recipeCacheKey,
} from "./recipe/recipe-cache.ts";
export {
  DEFAULT_REENTRY_COOLDOWN_MINUTES,
  type EntryRule,
  isRuleOnly,
  RECIPE_VERSION,
  type Recipe,
  recipeSchema,
  type Sizing,
} from "./recipe/recipe-schema.ts";
export {
  type BotContext,
  botContextSchema,
  type Caution,
  emptyBotContext,
  toDecisionMemory,
} from "./reflection/bot-context.ts";
export {
  type Adaptation,
  type FailureType,
  type ReflectionFailure,
  templateAdaptation,
} from "./reflection/failure-template.ts";
export { type Reflection, reflect, reflectionRequest } from "./reflection/reflect.ts";
export { type LessonUpdate, updateLessons } from "./reflection/update-lessons.ts";
export { defaultRetryPolicy, type RetryPolicy } from "./reliability/backoff-delay.ts";
export {
  type Attempt,
  type CallOutcome,
  callModel,
  type ReliabilityDeps,
  type ReliabilityOptions,
} from "./reliability/call-model.ts";
export { type BreakerPolicy, CircuitBreakers, defaultBreakerPolicy } from "./reliability/circuit-breaker.ts";
export { evaluateRules, type RulesOutcome } from "./rules/evaluate-rules.ts";
export { askForJson, type JsonOutcome, type JsonRequest } from "./structured/ask-for-json.ts";
export { estimateJsonCall } from "./structured/estimate-json-call.ts";
export { systemClock, systemRandom } from "./system-ports.ts";
export { estimateTokens } from "./tokens/estimate-tokens.ts";
