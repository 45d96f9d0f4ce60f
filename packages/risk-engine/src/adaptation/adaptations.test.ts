import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { M, MARKET, makeLimits, NOW, u } from "../../test/fixtures.ts";
import type { AdaptationEffect } from "./adaptation-effect.ts";
import { applyAdaptations } from "./apply-adaptations.ts";
import {
  DEFAULT_ADAPTATION_OPTIONS,
  deriveAdaptations,
  type FailureRecord,
  type FailureType,
} from "./derive-adaptations.ts";

const HOUR = 3_600_000;
const failure = (
  errorType: FailureType,
  hoursAgo: number,
  marketId: string | null = MARKET,
): FailureRecord => ({
  errorType,
  marketId,
  createdAt: NOW - hoursAgo * HOUR,
});

describe("deriveAdaptations", () => {
  it.each<[string, readonly FailureRecord[], readonly AdaptationEffect[]]>([
    [
      "a liquidity kill an hour ago",
      [failure("liquidity_kill", 1)],
      [{ kind: "SCALE_MAX_POSITION", marketId: MARKET, factorBps: 5_000, until: NOW + 23 * HOUR }],
    ],
    ["a liquidity kill exactly 24 h ago", [failure("liquidity_kill", 24)], []],
    [
      "a slippage failure",
      [failure("slippage", 2)],
      [{ kind: "SCALE_SLIPPAGE", marketId: MARKET, factorBps: 5_000, until: NOW + 22 * HOUR }],
    ],
    ["an API error", [failure("api_error", 1)], []],
    ["a failure with no market", [failure("liquidity_kill", 1, null)], []],
    ["a failure dated in the future", [failure("liquidity_kill", -1)], []],
    [
      "three market failures within 6 h",
      [failure("rule_violation", 5), failure("other", 3), failure("rule_violation", 1)],
      [{ kind: "BLOCK_MARKET", marketId: MARKET, until: NOW + 23 * HOUR }],
    ],
    [
      "three failures but one outside the window",
      [failure("other", 6), failure("other", 3), failure("other", 1)],
      [],
    ],
    [
      "three infrastructure failures",
      [failure("gas_spike", 3), failure("api_error", 2), failure("gas_spike", 1)],
      [],
    ],
  ])("when the history is %s then the effects are as expected", (_name, failures, expected) => {
    expect(deriveAdaptations(failures, NOW)).toEqual(expected);
  });

  it("when options change then the period and factor follow them", () => {
    const options = {
      ...DEFAULT_ADAPTATION_OPTIONS,
      liquidityKillPeriodMs: HOUR,
      liquidityKillFactorBps: 2_500,
    };
    expect(deriveAdaptations([failure("liquidity_kill", 0.5)], NOW, options)).toEqual([
      { kind: "SCALE_MAX_POSITION", marketId: MARKET, factorBps: 2_500, until: NOW + 0.5 * HOUR },
    ]);
  });
});

describe("applyAdaptations", () => {
  const limits = makeLimits({ maxPositionSize: u(100n * M), maxSlippageBps: 200 });
  const effect = (
    kind: "SCALE_MAX_POSITION" | "SCALE_SLIPPAGE",
    factorBps: number,
    marketId = MARKET,
    until = NOW + 1,
  ) => ({ kind, marketId, factorBps, until }) as AdaptationEffect;

  it.each<[string, readonly AdaptationEffect[], bigint, number, number | null]>([
    ["no effects", [], 100n * M, 200, null],
    ["one halving", [effect("SCALE_MAX_POSITION", 5_000)], 50n * M, 200, null],
    [
      "two halvings compound",
      [effect("SCALE_MAX_POSITION", 5_000), effect("SCALE_MAX_POSITION", 5_000)],
      25n * M,
      200,
      null,
    ],
    ["a slippage halving", [effect("SCALE_SLIPPAGE", 5_000)], 100n * M, 100, null],
    [
      "a factor above 100 % cannot loosen",
      [effect("SCALE_MAX_POSITION", 20_000), effect("SCALE_SLIPPAGE", 30_000)],
      100n * M,
      200,
      null,
    ],
    ["a negative factor clamps to zero", [effect("SCALE_MAX_POSITION", -5)], 0n, 200, null],
    ["an effect for another market", [effect("SCALE_MAX_POSITION", 5_000, "other")], 100n * M, 200, null],
    [
      "an effect that ended exactly now",
      [effect("SCALE_MAX_POSITION", 5_000, MARKET, NOW)],
      100n * M,
      200,
      null,
    ],
    [
      "two blocks keep the later end",
      [
        { kind: "BLOCK_MARKET", marketId: MARKET, until: NOW + 5 },
        { kind: "BLOCK_MARKET", marketId: MARKET, until: NOW + 9 },
      ],
      100n * M,
      200,
      NOW + 9,
    ],
  ])(
    "when %s apply then the limits are tightened as expected",
    (_name, effects, size, slippage, blockedUntil) => {
      const adapted = applyAdaptations(limits, effects, MARKET, NOW);
      expect([adapted.limits.maxPositionSize, adapted.limits.maxSlippageBps, adapted.blockedUntil]).toEqual([
        size,
        slippage,
        blockedUntil,
      ]);
    },
  );
});

describe("adaptation properties", () => {
  const effectArb = fc.oneof(
    fc.record({
      kind: fc.constantFrom("SCALE_MAX_POSITION" as const, "SCALE_SLIPPAGE" as const),
      marketId: fc.constantFrom(MARKET, "other"),
      factorBps: fc.integer({ min: -20_000, max: 40_000 }),
      until: fc.integer({ min: NOW - 10, max: NOW + 10 }),
    }),
    fc.record({
      kind: fc.constant("BLOCK_MARKET" as const),
      marketId: fc.constantFrom(MARKET, "other"),
      until: fc.integer({ min: NOW - 10, max: NOW + 10 }),
    }),
  );

  it("when any effects apply then no limit is ever looser than before", () => {
    fc.assert(
      fc.property(
        fc.array(effectArb, { maxLength: 10 }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        (effects, size) => {
          const base = makeLimits({ maxPositionSize: u(size) });
          const { limits } = applyAdaptations(base, effects, MARKET, NOW);
          return (
            limits.maxPositionSize <= base.maxPositionSize && limits.maxSlippageBps <= base.maxSlippageBps
          );
        },
      ),
    );
  });
});
