import { fetchModelList } from "./catalog/fetch-model-list.ts";
import { ModelCatalog } from "./catalog/model-catalog.ts";
import type { MeteredDeps } from "./cost/metered-call.ts";
import type { LlmEnv } from "./env.ts";
import type { Clock, Random } from "./ports.ts";
import { createOpenRouterGateway } from "./provider/openrouter-gateway.ts";
import { type BreakerPolicy, CircuitBreakers } from "./reliability/circuit-breaker.ts";

export interface Llm {
  readonly catalog: ModelCatalog;
  /** Null without an API key: then only rule-only recipes can decide, and the UI should say why. */
  readonly model: MeteredDeps | null;
}

/**
 * Wires the package for one process: one catalog cache and one set of circuit breakers shared by all
 * bots, so a failing model is skipped for every bot, not rediscovered by each.
 */
export function createLlm(
  env: LlmEnv,
  ports: { clock: Clock; random: Random; breaker?: BreakerPolicy },
): Llm {
  const catalog = new ModelCatalog({ load: () => fetchModelList(env), clock: ports.clock });
  if (!env.apiKey) return { catalog, model: null };
  return {
    catalog,
    model: {
      gateway: createOpenRouterGateway({ baseURL: env.baseURL, apiKey: env.apiKey, appName: "Open Trade" }),
      clock: ports.clock,
      random: ports.random,
      breakers: new CircuitBreakers(ports.breaker),
      catalog,
    },
  };
}
