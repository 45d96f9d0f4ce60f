import { formatMicros, price, priceMicros, usd, usdMicros } from "@open-trade/risk-engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DecisionWire, ModelDecision } from "../decision/decision-schema.ts";
import { type CandidateMarket, type DecisionSnapshot, marketRef } from "../decision/decision-snapshot.ts";
import { effectivePerTradeUsd } from "../decision/eligible-candidates.ts";
import { validateDecision } from "../decision/validate-decision.ts";
import cases from "../fixtures/compile-cases.json" with { type: "json" };
import { applyHardLimits } from "../recipe/apply-hard-limits.ts";
import { type Recipe, recipeSchema } from "../recipe/recipe-schema.ts";
import { testLimits } from "../testing/limits-fixture.ts";
import { heldYes, judgementRecipe, market, NOW_MS, snapshot } from "../testing/snapshot-fixture.ts";
import { evaluateRules } from "./evaluate-rules.ts";

const ruleOnly = cases.cases
  .filter((c) => c.ruleOnly)
  .map((c) => applyHardLimits(recipeSchema.parse(c.answer), testLimits).recipe);
const recipeFor = (fragment: string): Recipe => {
  const index = cases.cases.findIndex((c) => c.prompt.includes(fragment));
  return applyHardLimits(recipeSchema.parse(cases.cases[index]?.answer), testLimits).recipe;
};
const underThirty = recipeFor("under 30 cents"); // crypto, YES <= 0.30, $20, TP 50%, SL 25%
const meanReversion = recipeFor("Mean reversion"); // crypto, YES down 0.10 in 120m, exit 24h before end

const codeOf = (outcome: ReturnType<typeof evaluateRules>) =>
  outcome.ok ? `${outcome.decision.action.toUpperCase()}` : outcome.code;

describe("evaluateRules", () => {
  const cheap = market(0, "0.25"); // crypto
  const dear = market(3, "0.43"); // crypto
  it.each<[string, Recipe, DecisionSnapshot, string, string | null]>([
    ["a crypto YES ask is under the threshold", underThirty, snapshot([dear, cheap]), "BUY", cheap.marketId],
    ["no ask is under the threshold", underThirty, snapshot([dear]), "HOLD", null],
    [
      "no trades are left",
      underThirty,
      snapshot([cheap], { room: { ...snapshot([]).room, tradesLeftToday: 0 } }),
      "HOLD",
      null,
    ],
    ["a judgement recipe has no exit to take", judgementRecipe, snapshot([cheap]), "NEEDS_JUDGEMENT", null],
    [
      "a held position is up 50%",
      underThirty,
      snapshot([market(0, "0.47")], {
        positions: [{ ...heldYes(market(0)), averageEntryPrice: price("0.3") }],
      }),
      "SELL",
      market(0).marketId,
    ],
    [
      "a held position is down 25%",
      underThirty,
      snapshot([market(0, "0.245")], {
        positions: [{ ...heldYes(market(0)), averageEntryPrice: price("0.3") }],
      }),
      "SELL",
      market(0).marketId,
    ],
    [
      "a judgement recipe's position hits its stop loss",
      judgementRecipe,
      snapshot([market(0, "0.2")], {
        positions: [{ ...heldYes(market(0)), averageEntryPrice: price("0.3") }],
      }),
      "SELL",
      market(0).marketId,
    ],
    [
      "YES fell 0.10 in two hours",
      meanReversion,
      snapshot([moved(0, -100_000n)]),
      "BUY",
      moved(0, 0n).marketId,
    ],
    ["YES fell only 0.09", meanReversion, snapshot([moved(0, -90_000n)]), "HOLD", null],
    [
      "the market resolves within the time exit",
      meanReversion,
      snapshot([{ ...market(0), endsAtMs: NOW_MS + 23 * 3_600_000 }], { positions: [heldYes(market(0))] }),
      "SELL",
      market(0).marketId,
    ],
  ])("when %s then the expected rule decision follows", (_name, recipe, snap, code, marketId) => {
    const outcome = evaluateRules(recipe, snap);
    expect(codeOf(outcome)).toBe(code);
    expect(outcome.ok && outcome.decision.action !== "hold" ? outcome.decision.marketId : null).toBe(
      marketId,
    );
    if (outcome.ok) expect(outcome.decision.decidedBy).toBe("local/rules");
  });

  it("when entry rules fire then the reasoning names the rule and its numbers", () => {
    const outcome = evaluateRules(underThirty, snapshot([cheap]));
    expect(outcome.ok && outcome.decision.reasoning).toContain("YES ask 0.25 <= 0.3");
  });
});

describe("evaluateRules with a position sized like Polymarket's client", () => {
  // $5 at 0.523 buys 9.56022 shares; an exit sells whole 0.01-share lots and leaves 0.00022 behind.
  const falling = market(0, "0.245"); // under the 25% stop loss from 0.30, and under the 0.30 entry
  const position = (qty: string) => ({ ...heldYes(falling, qty), averageEntryPrice: price("0.3") });
  const minutesAgo = (m: number) => ({ [falling.marketId]: NOW_MS - m * 60_000 });
  const decided = (outcome: ReturnType<typeof evaluateRules>) =>
    outcome.ok && outcome.decision.action !== "hold"
      ? [outcome.decision.action, outcome.decision.amount]
      : [codeOf(outcome)];

  it("when its stop loss fires then it sells every whole lot it holds", () => {
    const outcome = evaluateRules(underThirty, snapshot([falling], { positions: [position("9.56022")] }));
    expect(decided(outcome)).toEqual(["sell", { unit: "shares", shares: 9_560_000n }]);
  });

  it.each<[string, Readonly<Record<string, number>> | undefined, unknown[]]>([
    ["no exit time is given (it counts as just exited)", undefined, ["HOLD"]],
    ["the exit was a minute ago (cooldown)", minutesAgo(1), ["HOLD"]],
    ["the exit was two hours ago", minutesAgo(120), ["buy", { unit: "usd", usd: 20_000_000n }]],
  ])("when only dust is left and %s then no exit fires on it", (_name, exitedAtMs, expected) => {
    const outcome = evaluateRules(
      underThirty,
      snapshot([falling], { positions: [position("0.00022")], ...(exitedAtMs ? { exitedAtMs } : {}) }),
    );
    expect(decided(outcome)).toEqual(expected);
  });

  it("when a model sells a dust position then it is told there is no position", () => {
    const wire: DecisionWire = {
      action: "sell",
      market: "m1",
      outcome: "YES",
      amount: { unit: "shares", value: "0.00022" },
      worstPrice: "0.2",
      confidence: 80,
      reasoning: "Sell the rest.",
    };
    const result = validateDecision(
      wire,
      underThirty,
      snapshot([falling], { positions: [position("0.00022")] }),
      "m",
    );
    expect(result.ok || result.problems.map((p) => p.code)).toEqual(["SELL_WITHOUT_POSITION"]);
  });
});

function moved(i: number, changeMicros: bigint): CandidateMarket {
  const m = market(i, "0.4");
  const [yes, no] = m.outcomes;
  if (!yes || !no) throw new Error("fixture market needs two outcomes");
  return { ...m, outcomes: [{ ...yes, moves: [{ windowMinutes: 120, changeMicros }] }, no] };
}

const arbitraryMarket = fc
  .record({
    i: fc.nat({ max: 40 }),
    askCents: fc.integer({ min: 1, max: 99 }),
    category: fc.constantFrom("crypto", "politics", "sports", "weather"),
    hours: fc.integer({ min: -5, max: 400 }),
    liquidity: fc.bigInt({ min: 0n, max: 200_000_000_000n }),
    change: fc.bigInt({ min: -300_000n, max: 300_000n }),
  })
  .map(({ i, askCents, category, hours, liquidity, change }): CandidateMarket => {
    const base = market(i, `0.${String(askCents).padStart(2, "0")}`);
    const [yes, no] = base.outcomes;
    if (!yes || !no) throw new Error("fixture market needs two outcomes");
    return {
      ...base,
      category,
      liquidityUsd: usdMicros(liquidity),
      endsAtMs: NOW_MS + hours * 3_600_000,
      outcomes: [
        {
          ...yes,
          bestBid: priceMicros(BigInt(Math.max(askCents - 1, 0)) * 10_000n),
          moves: [
            { windowMinutes: 120, changeMicros: change },
            { windowMinutes: 30, changeMicros: change },
          ],
        },
        no,
      ],
    };
  });

const arbitrarySnapshot = fc
  .record({
    markets: fc.uniqueArray(arbitraryMarket, { maxLength: 8, selector: (m) => m.marketId }),
    perTrade: fc.bigInt({ min: 0n, max: 200_000_000n }),
    budget: fc.bigInt({ min: 0n, max: 1_000_000_000n }),
    trades: fc.integer({ min: 0, max: 5 }),
    newMarkets: fc.integer({ min: 0, max: 3 }),
    multiplier: fc.integer({ min: 0, max: 10_000 }),
    held: fc.array(
      fc.record({
        pick: fc.nat(),
        entryCents: fc.integer({ min: 1, max: 99 }),
        qty: fc.integer({ min: 0, max: 500 }),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ markets, perTrade, budget, trades, newMarkets, multiplier, held }) =>
    snapshot(markets, {
      room: {
        perTradeUsd: usdMicros(perTrade),
        budgetLeftUsd: usdMicros(budget),
        tradesLeftToday: trades,
        newMarketsLeft: newMarkets,
      },
      memory: { lessons: [], adaptationNotes: [], sizeMultiplierBps: multiplier, minLiquidityUsd: null },
      // One position per market and side, as the positions table keeps them.
      positions: markets
        .filter((_, i) => held.some((h) => h.pick % markets.length === i))
        .map((m) => {
          const h = held.find((x) => markets[x.pick % markets.length] === m) ?? { entryCents: 50, qty: 1 };
          return {
            ...heldYes(m, String(h.qty)),
            averageEntryPrice: price(`0.${String(h.entryCents).padStart(2, "0")}`),
          };
        }),
    }),
  );

const toWire = (decision: ModelDecision, snap: DecisionSnapshot): DecisionWire =>
  decision.action === "hold"
    ? {
        action: "hold",
        market: null,
        outcome: null,
        amount: null,
        worstPrice: null,
        confidence: decision.confidence,
        reasoning: decision.reasoning,
      }
    : {
        action: decision.action,
        market: marketRef(snap.candidates.findIndex((m) => m.marketId === decision.marketId)),
        outcome: decision.outcome,
        amount:
          decision.amount.unit === "usd"
            ? { unit: "usd", value: fmt(decision.amount.usd) }
            : { unit: "shares", value: fmt(decision.amount.shares) },
        worstPrice: fmt(decision.worstPrice),
        confidence: decision.confidence,
        reasoning: decision.reasoning,
      };
const fmt = formatMicros;

describe("evaluateRules properties", () => {
  it("when rules decide anything then the decision passes the same validation a model's answer must", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ruleOnly), arbitrarySnapshot, (recipe, snap) => {
        const outcome = evaluateRules(recipe, snap);
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        const checked = validateDecision(toWire(outcome.decision, snap), recipe, snap, "local/rules");
        expect(checked.ok ? [] : checked.problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("when a rule buys then it spends no more than the room and only in an allowed category", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ruleOnly), arbitrarySnapshot, (recipe, snap) => {
        const outcome = evaluateRules(recipe, snap);
        if (!outcome.ok || outcome.decision.action !== "buy" || outcome.decision.amount.unit !== "usd")
          return;
        const spent = outcome.decision.amount.usd;
        expect(spent > 0n && spent <= effectivePerTradeUsd(snap) && spent <= snap.room.budgetLeftUsd).toBe(
          true,
        );
        const bought = snap.candidates.find(
          (m) => m.marketId === (outcome.decision.action === "buy" && outcome.decision.marketId),
        );
        expect(recipe.universe.categories).toContain(bought?.category);
      }),
      { numRuns: 300 },
    );
  });

  it("when a lesson lowers the size multiplier then no buy gets bigger", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ruleOnly),
        arbitrarySnapshot,
        fc.integer({ min: 0, max: 10_000 }),
        (recipe, snap, lower) => {
          const careful = {
            ...snap,
            memory: { ...snap.memory, sizeMultiplierBps: Math.min(lower, snap.memory.sizeMultiplierBps) },
          };
          const size = (s: DecisionSnapshot) => {
            const o = evaluateRules(recipe, s);
            return o.ok && o.decision.action === "buy" && o.decision.amount.unit === "usd"
              ? o.decision.amount.usd
              : 0n;
          };
          expect(size(careful) <= size(snap)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("when the same snapshot is evaluated twice then the decision is identical", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ruleOnly), arbitrarySnapshot, (recipe, snap) => {
        expect(evaluateRules(recipe, snap)).toEqual(evaluateRules(recipe, structuredClone(snap)));
      }),
    );
  });
});

it("when sizing is a share of the budget then it takes that share of what is left", () => {
  const pct = { ...underThirty, sizing: { mode: "budget_percent" as const, percent: 5 } };
  const outcome = evaluateRules(
    pct,
    snapshot([market(0, "0.25")], {
      room: { perTradeUsd: usd("100"), budgetLeftUsd: usd("300"), tradesLeftToday: 1, newMarketsLeft: 1 },
    }),
  );
  expect(outcome.ok && outcome.decision.action === "buy" && outcome.decision.amount).toEqual({
    unit: "usd",
    usd: usd("15"),
  });
});

describe("re-entry cooldown", () => {
  const cheap = market(0, "0.25");
  const exited = (minutesAgo: number) => ({ [cheap.marketId]: NOW_MS - minutesAgo * 60_000 });
  it.each([
    ["a minute after the bot sold out of the market", 1, "HOLD"],
    ["59 minutes after", 59, "HOLD"],
    ["an hour after (the default cooldown)", 60, "BUY"],
  ])("when the entry rules hold %s then the decision is %s", (_when, minutesAgo, expected) => {
    expect(codeOf(evaluateRules(underThirty, snapshot([cheap], { exitedAtMs: exited(minutesAgo) })))).toBe(
      expected,
    );
  });

  it("when a recipe has no cooldown field then it parses with the default", () => {
    const { reentryCooldownMinutes: _, ...exits } = underThirty.exits;
    expect(recipeSchema.parse({ ...underThirty, exits }).exits.reentryCooldownMinutes).toBe(60);
  });

  it("when a recipe sets the cooldown to 0 then the rules may re-enter at once", () => {
    const eager = { ...underThirty, exits: { ...underThirty.exits, reentryCooldownMinutes: 0 } };
    expect(codeOf(evaluateRules(eager, snapshot([cheap], { exitedAtMs: exited(0) })))).toBe("BUY");
  });
});
