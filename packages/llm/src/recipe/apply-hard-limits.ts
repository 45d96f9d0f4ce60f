import { formatUsd, usd } from "@open-trade/risk-engine";
import type { BotLimits } from "./bot-limits.ts";
import type { Recipe, Sizing } from "./recipe-schema.ts";

export type RecipeWarning =
  | { readonly code: "CATEGORY_NOT_ALLOWED"; readonly category: string }
  | { readonly code: "NO_ALLOWED_CATEGORY_REQUESTED"; readonly usedInstead: readonly string[] }
  | { readonly code: "SIZE_ABOVE_LIMIT"; readonly requestedUsd: string; readonly limitUsd: string }
  | {
      readonly code: "POLLING_TOO_FREQUENT";
      readonly requestedMinutes: number;
      readonly minimumMinutes: number;
    }
  | { readonly code: "TRADES_PER_DAY_ABOVE_LIMIT"; readonly requested: number; readonly limit: number }
  | { readonly code: "OPEN_MARKETS_ABOVE_LIMIT"; readonly requested: number; readonly limit: number };

/**
 * Pulls every field of a recipe inside the bot's hard limits and says what it changed. The recipe can
 * ask for less than a limit, never more: the risk engine enforces the limits again at order time, but
 * a recipe that promised more would mislead the trader who confirms it.
 */
export function applyHardLimits(
  recipe: Recipe,
  limits: BotLimits,
): { recipe: Recipe; warnings: RecipeWarning[] } {
  const warnings: RecipeWarning[] = [];
  const allowed = new Set(limits.allowedCategories);
  const requested = recipe.universe.categories.map((c) => c.toLowerCase());
  for (const category of requested) {
    if (!allowed.has(category)) warnings.push({ code: "CATEGORY_NOT_ALLOWED", category });
  }
  let categories = [...new Set(requested.filter((c) => allowed.has(c)))];
  if (categories.length === 0) {
    categories = [...limits.allowedCategories];
    warnings.push({ code: "NO_ALLOWED_CATEGORY_REQUESTED", usedInstead: categories });
  }

  const { cadence } = recipe;
  if (cadence.pollingMinutes < limits.minPollingMinutes) {
    warnings.push({
      code: "POLLING_TOO_FREQUENT",
      requestedMinutes: cadence.pollingMinutes,
      minimumMinutes: limits.minPollingMinutes,
    });
  }
  if (cadence.maxTradesPerDay > limits.maxTradesPerDay) {
    warnings.push({
      code: "TRADES_PER_DAY_ABOVE_LIMIT",
      requested: cadence.maxTradesPerDay,
      limit: limits.maxTradesPerDay,
    });
  }
  if (cadence.maxOpenMarkets > limits.maxConcurrentMarkets) {
    warnings.push({
      code: "OPEN_MARKETS_ABOVE_LIMIT",
      requested: cadence.maxOpenMarkets,
      limit: limits.maxConcurrentMarkets,
    });
  }

  return {
    recipe: {
      ...recipe,
      universe: { ...recipe.universe, categories },
      sizing: clampSizing(recipe.sizing, limits, warnings),
      cadence: {
        pollingMinutes: Math.max(cadence.pollingMinutes, limits.minPollingMinutes),
        maxTradesPerDay: Math.min(cadence.maxTradesPerDay, limits.maxTradesPerDay),
        maxOpenMarkets: Math.min(cadence.maxOpenMarkets, limits.maxConcurrentMarkets),
      },
    },
    warnings,
  };
}

function clampSizing(sizing: Sizing, limits: BotLimits, warnings: RecipeWarning[]): Sizing {
  const limit = limits.maxPositionSizeUsd;
  const clamp = (amount: string): string => {
    if (usd(amount) <= limit) return amount;
    warnings.push({ code: "SIZE_ABOVE_LIMIT", requestedUsd: amount, limitUsd: formatUsd(limit) });
    return formatUsd(limit);
  };
  if (sizing.mode === "fixed_usd") return { mode: "fixed_usd", usd: clamp(sizing.usd) };
  if (sizing.mode === "budget_percent") return sizing;
  const maxUsd = clamp(sizing.maxUsd);
  const minUsd = usd(sizing.minUsd) > usd(maxUsd) ? maxUsd : sizing.minUsd;
  return { mode: "confidence_scaled", minUsd, maxUsd };
}
