import type { Clock, Random } from "../ports.ts";
import {
  ModelCallError,
  type ModelFailure,
  type ModelGateway,
  type ModelReply,
  type ModelRequest,
} from "../provider/model-gateway.ts";
import { backoffDelayMs, defaultRetryPolicy, type RetryPolicy } from "./backoff-delay.ts";
import type { CircuitBreakers } from "./circuit-breaker.ts";

export interface ReliabilityDeps {
  readonly gateway: ModelGateway;
  readonly clock: Clock;
  readonly random: Random;
  readonly breakers: CircuitBreakers;
}

export interface ReliabilityOptions {
  readonly retry?: RetryPolicy;
  readonly timeoutMs?: number;
  /** Tried in order after the primary model when it is unavailable. */
  readonly fallbackModelIds?: readonly string[];
}

export type AttemptOutcome = ModelFailure | { readonly code: "CIRCUIT_OPEN" } | { readonly code: "OK" };

export interface Attempt {
  readonly modelId: string;
  readonly outcome: AttemptOutcome;
}

export type CallOutcome =
  | {
      readonly ok: true;
      readonly modelId: string;
      readonly reply: ModelReply;
      readonly attempts: readonly Attempt[];
    }
  /** The runner turns this into `paused:ai_unavailable`. */
  | { readonly ok: false; readonly code: "MODEL_UNAVAILABLE"; readonly attempts: readonly Attempt[] };

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Calls the primary model, then each fallback, with bounded jittered retries and a breaker per model. */
export async function callModel(
  deps: ReliabilityDeps,
  request: Omit<ModelRequest, "timeoutMs">,
  options: ReliabilityOptions = {},
): Promise<CallOutcome> {
  const retry = options.retry ?? defaultRetryPolicy;
  const attempts: Attempt[] = [];
  for (const modelId of [request.modelId, ...(options.fallbackModelIds ?? [])]) {
    for (let attempt = 1; ; attempt++) {
      if (!deps.breakers.allows(modelId, deps.clock.nowMs())) {
        attempts.push({ modelId, outcome: { code: "CIRCUIT_OPEN" } });
        break;
      }
      try {
        const reply = await deps.gateway.generate({
          ...request,
          modelId,
          timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        });
        deps.breakers.recordSuccess(modelId);
        attempts.push({ modelId, outcome: { code: "OK" } });
        return { ok: true, modelId, reply, attempts };
      } catch (error) {
        if (!(error instanceof ModelCallError)) throw error;
        deps.breakers.recordFailure(modelId, deps.clock.nowMs());
        attempts.push({ modelId, outcome: error.failure });
        const delay = backoffDelayMs(retry, attempt, error.failure, deps.random.next());
        if (delay === null) break;
        await deps.clock.sleep(delay);
      }
    }
  }
  return { ok: false, code: "MODEL_UNAVAILABLE", attempts };
}
