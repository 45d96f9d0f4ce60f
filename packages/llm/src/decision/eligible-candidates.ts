import { applyBpsFloor, type Usd, usd, usdMicros } from "@open-trade/risk-engine";
import { maxUsdOrNull } from "../max-usd-or-null.ts";
import type { Recipe } from "../recipe/recipe-schema.ts";
import type { CandidateMarket, DecisionSnapshot } from "./decision-snapshot.ts";

const HOUR_MS = 3_600_000;

/**
 * The candidates the recipe's universe and the bot's lessons allow. Prompt building, rule evaluation
 * and validation all use this one filter, so the model is never shown a market it may not trade.
 */
export function eligibleCandidates(recipe: Recipe, snapshot: DecisionSnapshot): CandidateMarket[] {
  const { universe } = recipe;
  const allowed = new Set(snapshot.allowedCategories.map((c) => c.toLowerCase()));
  const categories = new Set(universe.categories.map((c) => c.toLowerCase()).filter((c) => allowed.has(c)));
  const minLiquidity = maxUsdOrNull(
    universe.minLiquidityUsd === null ? null : usd(universe.minLiquidityUsd),
    snapshot.memory.minLiquidityUsd,
  );
  const lower = (words: readonly string[]) => words.map((w) => w.toLowerCase());
  const keywords = lower(universe.keywords);
  const excluded = lower(universe.excludeKeywords);
  return snapshot.candidates.filter((market) => {
    const hoursLeft = (market.endsAtMs - snapshot.nowMs) / HOUR_MS;
    const text = market.question.toLowerCase();
    return (
      categories.has(market.category.toLowerCase()) &&
      (minLiquidity === null || market.liquidityUsd >= minLiquidity) &&
      hoursLeft > 0 &&
      (universe.minHoursToResolution === null || hoursLeft >= universe.minHoursToResolution) &&
      (universe.maxHoursToResolution === null || hoursLeft <= universe.maxHoursToResolution) &&
      (keywords.length === 0 || keywords.some((k) => text.includes(k))) &&
      !excluded.some((k) => text.includes(k))
    );
  });
}

/** Room per trade after lessons: a lesson may shrink it, and the multiplier is capped at 100 %. */
export function effectivePerTradeUsd(snapshot: DecisionSnapshot): Usd {
  const bps = Math.min(10_000, Math.max(0, snapshot.memory.sizeMultiplierBps));
  return usdMicros(applyBpsFloor(snapshot.room.perTradeUsd, bps));
}
