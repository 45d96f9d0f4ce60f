import { usd, usdMicros } from "@open-trade/risk-engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BotContext,
  botContextSchema,
  cautionOf,
  emptyBotContext,
  MAX_LESSONS,
  toDecisionMemory,
} from "./bot-context.ts";
import { type FailureType, templateAdaptation } from "./failure-template.ts";
import { updateLessons } from "./update-lessons.ts";

const update = fc.record(
  {
    adaptationNote: fc.string({ maxLength: 300 }),
    avoidPattern: fc.option(fc.string({ maxLength: 300 }), { nil: null }),
    successfulStrategy: fc.option(fc.string({ maxLength: 300 }), { nil: null }),
    caution: fc.record(
      {
        sizeMultiplierBps: fc.integer({ min: 0, max: 20_000 }),
        minLiquidityUsd: fc.option(fc.bigInt({ min: 0n, max: 10n ** 12n }).map(usdMicros), { nil: null }),
      },
      { requiredKeys: [] },
    ),
    realizedPnlUsd: fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }).map(usdMicros),
  },
  { requiredKeys: [] },
);

describe("updateLessons", () => {
  it("when any sequence of lessons is applied then caution never loosens and the context stays bounded", () => {
    fc.assert(
      fc.property(fc.array(update, { maxLength: 40 }), (updates) => {
        let context: BotContext = emptyBotContext();
        for (const u of updates) {
          const before = cautionOf(context);
          context = updateLessons(context, u);
          const after = cautionOf(context);
          expect(after.sizeMultiplierBps).toBeLessThanOrEqual(before.sizeMultiplierBps);
          if (before.minLiquidityUsd !== null)
            expect((after.minLiquidityUsd ?? 0n) >= before.minLiquidityUsd).toBe(true);
          expect(context.avoid_patterns.length).toBeLessThanOrEqual(MAX_LESSONS);
          expect(context.successful_strategies.length).toBeLessThanOrEqual(MAX_LESSONS);
          expect(botContextSchema.safeParse(context).success).toBe(true);
        }
      }),
    );
  });

  it.each([
    ["a gain", "1245.67", "10.33", "1256"],
    ["a loss", "5", "-7.5", "-2.5"],
  ])("when a trade closes with %s then cumulative PnL adds exactly", (_name, start, delta, total) => {
    const context = { ...emptyBotContext(), cumulative_pnl: start };
    expect(updateLessons(context, { realizedPnlUsd: usd(delta) }).cumulative_pnl).toBe(total);
  });

  it("when the same pattern is learned twice then it is kept once, newest last", () => {
    let context = emptyBotContext();
    for (const p of ["thin books", "late-night politics", "thin books"])
      context = updateLessons(context, { avoidPattern: p });
    expect(context.avoid_patterns).toEqual(["late-night politics", "thin books"]);
  });
});

describe("templateAdaptation", () => {
  it.each<[FailureType, number, string | null]>([
    ["slippage", 7_500, null],
    ["liquidity_kill", 5_000, "80000"],
    ["rule_violation", 9_000, null],
    ["api_error", 10_000, null],
    ["gas_spike", 10_000, null],
    ["other", 10_000, null],
  ])("when the failure is %s then the size multiplier becomes %i bps", (type, bps, liquidity) => {
    const adaptation = templateAdaptation({
      type,
      marketId: "0xabc",
      what: "x",
      atMs: Date.UTC(2026, 1, 10),
      liquidityUsd: usd("40000"),
    });
    const context = updateLessons(emptyBotContext(), {
      caution: adaptation.caution,
      adaptationNote: adaptation.note,
    });
    expect(toDecisionMemory(context, []).sizeMultiplierBps).toBe(bps);
    expect(context.caution.min_liquidity_usd).toBe(liquidity);
    expect(adaptation.note.startsWith("2026-02-10")).toBe(true);
  });
});
