import { formatUsd, usd, usdMicros } from "@open-trade/risk-engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import cases from "../fixtures/compile-cases.json" with { type: "json" };
import { testLimits } from "../testing/limits-fixture.ts";
import { applyHardLimits } from "./apply-hard-limits.ts";
import { type Recipe, recipeSchema } from "./recipe-schema.ts";

const base = recipeSchema.parse(cases.cases[0]?.answer);
const amount = fc.bigInt({ min: 0n, max: 5_000_000_000n }).map((micros) => formatUsd(usdMicros(micros)));

const recipes = fc
  .record({
    categories: fc.uniqueArray(
      fc.constantFrom("politics", "crypto", "sports", "weather", "Esports", "POLITICS"),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    sizing: fc.oneof(
      amount.map((usdText) => ({ mode: "fixed_usd" as const, usd: usdText })),
      fc
        .tuple(amount, amount)
        .map(([a, b]) => ({ mode: "confidence_scaled" as const, minUsd: a, maxUsd: b })),
      fc.integer({ min: 1, max: 100 }).map((percent) => ({ mode: "budget_percent" as const, percent })),
    ),
    pollingMinutes: fc.integer({ min: 1, max: 10_080 }),
    maxTradesPerDay: fc.integer({ min: 1, max: 1_000 }),
    maxOpenMarkets: fc.integer({ min: 1, max: 100 }),
  })
  .map(
    (r): Recipe => ({
      ...base,
      universe: { ...base.universe, categories: r.categories },
      sizing: r.sizing,
      cadence: {
        pollingMinutes: r.pollingMinutes,
        maxTradesPerDay: r.maxTradesPerDay,
        maxOpenMarkets: r.maxOpenMarkets,
      },
    }),
  );

describe("applyHardLimits", () => {
  it("when any recipe is limited then it stays schema-valid and inside every hard limit", () => {
    fc.assert(
      fc.property(recipes, (recipe) => {
        const { recipe: limited } = applyHardLimits(recipe, testLimits);
        expect(recipeSchema.safeParse(limited).success).toBe(true);
        expect(limited.universe.categories.every((c) => testLimits.allowedCategories.includes(c))).toBe(true);
        const s = limited.sizing;
        if (s.mode === "fixed_usd") expect(usd(s.usd) <= testLimits.maxPositionSizeUsd).toBe(true);
        if (s.mode === "confidence_scaled") {
          expect(usd(s.minUsd) <= usd(s.maxUsd) && usd(s.maxUsd) <= testLimits.maxPositionSizeUsd).toBe(true);
        }
        expect(limited.cadence.pollingMinutes).toBeGreaterThanOrEqual(testLimits.minPollingMinutes);
        expect(limited.cadence.maxTradesPerDay).toBeLessThanOrEqual(testLimits.maxTradesPerDay);
        expect(limited.cadence.maxOpenMarkets).toBeLessThanOrEqual(testLimits.maxConcurrentMarkets);
      }),
    );
  });

  it("when a limited recipe is limited again then nothing changes and nothing is warned", () => {
    fc.assert(
      fc.property(recipes, (recipe) => {
        const once = applyHardLimits(recipe, testLimits).recipe;
        expect(applyHardLimits(once, testLimits)).toEqual({ recipe: once, warnings: [] });
      }),
    );
  });

  it("when a recipe asks for less than every limit then it is kept as written", () => {
    expect(applyHardLimits(base, testLimits)).toEqual({ recipe: base, warnings: [] });
  });

  it.each([
    ["fixed size 250", { mode: "fixed_usd", usd: "250" }, { mode: "fixed_usd", usd: "100" }],
    [
      "confidence-scaled 150..300",
      { mode: "confidence_scaled", minUsd: "150", maxUsd: "300" },
      { mode: "confidence_scaled", minUsd: "100", maxUsd: "100" },
    ],
  ] as const)("when sizing is %s then it is capped at the position limit", (_name, sizing, expected) => {
    const { recipe, warnings } = applyHardLimits({ ...base, sizing }, testLimits);
    expect(recipe.sizing).toEqual(expected);
    expect(warnings[0]).toMatchObject({ code: "SIZE_ABOVE_LIMIT", limitUsd: "100" });
  });
});
