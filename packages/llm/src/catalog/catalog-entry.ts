import { divCeil, type Usd, usdMicros } from "@open-trade/risk-engine";
import { formatScaled, parseScaledCeil } from "../cost/scaled-decimal.ts";
import { type OpenRouterModel, openRouterModelSchema } from "./catalog-schema.ts";

/** pico-USD per token is the same integer as micro-USD per million tokens: exact for 12-decimal quotes. */
export const PER_TOKEN_SCALE = 12;

export interface ModelPricing {
  /** Micro-USD per million tokens (= pico-USD per token), exact for any quote with at most 12 decimals. */
  readonly promptPerMillion: Usd;
  readonly completionPerMillion: Usd;
  readonly perRequest: Usd;
}

export interface CatalogEntry {
  readonly id: string;
  readonly name: string;
  readonly contextLength: number | null;
  readonly maxCompletionTokens: number | null;
  /** Null for routers such as `openrouter/auto`, whose price depends on the model picked per call. */
  readonly pricing: ModelPricing | null;
}

/** Parses one model of the list; an entry that does not fit is skipped rather than failing the catalog. */
export function toCatalogEntry(raw: unknown): CatalogEntry | null {
  const parsed = openRouterModelSchema.safeParse(raw);
  if (!parsed.success) return null;
  const model = parsed.data;
  return {
    id: model.id,
    name: model.name,
    contextLength: model.context_length ?? null,
    maxCompletionTokens: model.top_provider?.max_completion_tokens ?? null,
    pricing: toPricing(model.pricing),
  };
}

function toPricing(pricing: OpenRouterModel["pricing"]): ModelPricing | null {
  const prompt = parseScaledCeil(pricing.prompt, PER_TOKEN_SCALE);
  const completion = parseScaledCeil(pricing.completion, PER_TOKEN_SCALE);
  const request = parseScaledCeil(pricing.request ?? "0", 6);
  if (!prompt || !completion || !request) return null;
  // OpenRouter marks variable-price routers with "-1".
  if (prompt.value < 0n || completion.value < 0n || request.value < 0n) return null;
  return {
    promptPerMillion: usdMicros(prompt.value),
    completionPerMillion: usdMicros(completion.value),
    perRequest: usdMicros(request.value),
  };
}

/** Exact catalog cost of a call, as pico-USD, so nothing is rounded until it becomes billable Usd. */
export function catalogCostPico(pricing: ModelPricing, inputTokens: number, outputTokens: number): bigint {
  return (
    BigInt(inputTokens) * pricing.promptPerMillion +
    BigInt(outputTokens) * pricing.completionPerMillion +
    pricing.perRequest * 1_000_000n
  );
}

export const picoToUsdCeil = (pico: bigint): Usd => usdMicros(divCeil(pico, 1_000_000n));
export const formatPico = (pico: bigint): string => formatScaled(pico, PER_TOKEN_SCALE);
