export type { LlmEnv } from "./env.ts";
export { readLlmEnv } from "./env.ts";
export type { Clock, Random } from "./ports.ts";
export type { ModelFailure, ModelGateway, ModelReply, ModelRequest } from "./provider/model-gateway.ts";
export { ModelCallError } from "./provider/model-gateway.ts";
export { createOpenRouterGateway, type OpenRouterConfig } from "./provider/openrouter-gateway.ts";
export { defaultRetryPolicy, type RetryPolicy } from "./reliability/backoff-delay.ts";
export {
  type Attempt,
  type CallOutcome,
  callModel,
  type ReliabilityDeps,
  type ReliabilityOptions,
} from "./reliability/call-model.ts";
export { type BreakerPolicy, CircuitBreakers, defaultBreakerPolicy } from "./reliability/circuit-breaker.ts";
export { systemClock, systemRandom } from "./system-ports.ts";
