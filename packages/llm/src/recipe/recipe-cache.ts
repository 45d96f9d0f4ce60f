import { createHash } from "node:crypto";
import { formatUsd } from "@open-trade/risk-engine";
import type { RecipeWarning } from "./apply-hard-limits.ts";
import type { BotLimits } from "./bot-limits.ts";
import { RECIPE_VERSION, type Recipe } from "./recipe-schema.ts";

export interface CompiledRecipe {
  readonly recipe: Recipe;
  readonly warnings: readonly RecipeWarning[];
}

/** Where compiled recipes are kept; the runner may back it with a table, tests use the in-memory one. */
export interface RecipeCache {
  get(key: string): Promise<CompiledRecipe | undefined>;
  set(key: string, value: CompiledRecipe): Promise<void>;
}

export function inMemoryRecipeCache(): RecipeCache {
  const entries = new Map<string, CompiledRecipe>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, value) => {
      entries.set(key, value);
    },
  };
}

/**
 * Same prompt, model, limits and schema version give the same key, so a recompile costs nothing and
 * returns the identical recipe; any change to one of them compiles afresh.
 */
export function recipeCacheKey(strategyPrompt: string, modelId: string, limits: BotLimits): string {
  const canonicalLimits = [
    formatUsd(limits.maxPositionSizeUsd),
    formatUsd(limits.maxDailyLossUsd),
    [...limits.allowedCategories].sort(),
    limits.maxTradesPerDay,
    limits.maxConcurrentMarkets,
    limits.slippageBps,
    limits.minPollingMinutes,
    limits.riskBudgetUsd === null ? null : formatUsd(limits.riskBudgetUsd),
  ];
  const material = JSON.stringify([RECIPE_VERSION, modelId, strategyPrompt.trim(), canonicalLimits]);
  return createHash("sha256").update(material).digest("hex");
}
