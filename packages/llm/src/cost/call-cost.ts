import type { Usd } from "@open-trade/risk-engine";
import {
  type CatalogEntry,
  catalogCostPico,
  formatPico,
  PER_TOKEN_SCALE,
  picoToUsdCeil,
} from "../catalog/catalog-entry.ts";
import type { ModelReply } from "../provider/model-gateway.ts";
import { estimateTokens } from "../tokens/estimate-tokens.ts";
import { parseScaledCeil } from "./scaled-decimal.ts";

export type CostSource = "PROVIDER" | "CATALOG" | "UNPRICED";

export interface CallCost {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Exact decimal USD, as the provider reported it or as catalog price x tokens. */
  readonly exactUsd: string;
  /** The exact cost rounded up to the micro-USD a budget counts in. */
  readonly billedUsd: Usd;
  readonly source: CostSource;
}

/**
 * What one call cost. The provider's own `usage.cost` wins; otherwise catalog price x tokens. Token counts
 * a provider omits are estimated from the text, so a call never books as free by accident.
 */
export function callCost(reply: ModelReply, promptText: string, entry: CatalogEntry | null): CallCost {
  const inputTokens = reply.inputTokens ?? estimateTokens(promptText);
  const outputTokens = reply.outputTokens ?? estimateTokens(reply.text);
  const reported = reply.reportedCostLiteral
    ? parseScaledCeil(reply.reportedCostLiteral, PER_TOKEN_SCALE)
    : null;
  if (reported && reported.value >= 0n) {
    return { inputTokens, outputTokens, ...priced(reported.value), source: "PROVIDER" };
  }
  if (entry?.pricing) {
    return {
      inputTokens,
      outputTokens,
      ...priced(catalogCostPico(entry.pricing, inputTokens, outputTokens)),
      source: "CATALOG",
    };
  }
  return { inputTokens, outputTokens, ...priced(0n), source: "UNPRICED" };
}

const priced = (pico: bigint) => ({ exactUsd: formatPico(pico), billedUsd: picoToUsdCeil(pico) });
