import { type Usd, usdMicros } from "@open-trade/risk-engine";
import { type CatalogEntry, catalogCostPico, picoToUsdCeil } from "../catalog/catalog-entry.ts";

export type CostEstimate =
  | { readonly ok: true; readonly usd: Usd; readonly inputTokens: number }
  | {
      readonly ok: false;
      readonly code: "MODEL_NOT_IN_CATALOG" | "MODEL_PRICE_UNKNOWN";
      readonly modelId: string;
    };

/**
 * Worst-case cost of one call before it is made: the estimated prompt plus the full output allowance,
 * priced at the dearest of the models the call may land on (primary and fallbacks).
 */
export function estimateCallCost(
  entries: readonly { readonly modelId: string; readonly entry: CatalogEntry | null }[],
  inputTokens: number,
  maxOutputTokens: number,
): CostEstimate {
  let worst = usdMicros(0n);
  for (const { modelId, entry } of entries) {
    if (!entry) return { ok: false, code: "MODEL_NOT_IN_CATALOG", modelId };
    if (!entry.pricing) return { ok: false, code: "MODEL_PRICE_UNKNOWN", modelId };
    const usd = picoToUsdCeil(catalogCostPico(entry.pricing, inputTokens, maxOutputTokens));
    if (usd > worst) worst = usd;
  }
  return { ok: true, usd: worst, inputTokens };
}
