import { type CatalogEntry, RULES_DECIDER } from "@open-trade/llm";
import { formatUsd } from "@open-trade/risk-engine";
import { ApiError } from "../errors/api-error.ts";
import { publicProcedure, router } from "../trpc.ts";

function modelView(entry: CatalogEntry) {
  return {
    id: entry.id,
    name: entry.name,
    contextLength: entry.contextLength,
    /** USD per million tokens, exact decimal strings; null for routers priced per call. */
    pricing: entry.pricing
      ? {
          promptPerMillionUsd: formatUsd(entry.pricing.promptPerMillion),
          completionPerMillionUsd: formatUsd(entry.pricing.completionPerMillion),
          perRequestUsd: formatUsd(entry.pricing.perRequest),
        }
      : null,
  };
}

export const modelsRouter = router({
  /** The model catalog with prices, plus the free rules-only decider that needs no model key. */
  list: publicProcedure.query(async ({ ctx }) => {
    const rulesOnly = {
      id: RULES_DECIDER,
      name: "Rules only (no model)",
      contextLength: null,
      pricing: { promptPerMillionUsd: "0", completionPerMillionUsd: "0", perRequestUsd: "0" },
    };
    let entries: readonly CatalogEntry[];
    try {
      entries = await ctx.deps.llm.catalog.list();
    } catch {
      throw new ApiError(
        "UNAVAILABLE",
        "The model catalog is unavailable right now; rule-only bots still run.",
      );
    }
    return {
      modelKeyConfigured: ctx.deps.llm.model !== null,
      models: [rulesOnly, ...entries.map(modelView)],
    };
  }),
});
