import { usd } from "@open-trade/risk-engine";
import { describe, expect, it } from "vitest";
import { heldYes, judgementRecipe, market, snapshot } from "../testing/snapshot-fixture.ts";
import type { DecisionWire } from "./decision-schema.ts";
import { validateDecision } from "./validate-decision.ts";

const markets = [market(0), market(1), market(2, "0.2")];
const base = snapshot(markets);
const buy = (over: Partial<DecisionWire> = {}): DecisionWire => ({
  action: "buy",
  market: "m1",
  outcome: "YES",
  amount: { unit: "usd", value: "25" },
  worstPrice: "0.45",
  confidence: 75,
  reasoning: "YES at 0.43 is below my 0.55 estimate.",
  ...over,
});

describe("validateDecision", () => {
  it.each<[string, DecisionWire, Partial<Parameters<typeof snapshot>[1]>, string[]]>([
    ["a sound buy", buy(), {}, []],
    [
      "a hold",
      { ...buy(), action: "hold", market: null, outcome: null, amount: null, worstPrice: null },
      {},
      [],
    ],
    ["a buy without a price", buy({ worstPrice: null }), {}, ["INCOMPLETE_ORDER"]],
    ["a buy of zero dollars", buy({ amount: { unit: "usd", value: "0" } }), {}, ["INCOMPLETE_ORDER"]],
    ["a market outside the candidate set", buy({ market: "m9" }), {}, ["NOT_A_CANDIDATE"]],
    [
      "a market whose category the bot no longer allows",
      buy(),
      { allowedCategories: ["politics"] },
      ["NOT_A_CANDIDATE"],
    ],
    ["a raw condition id instead of a reference", buy({ market: "0xaaaa" }), {}, ["NOT_A_CANDIDATE"]],
    ["a price of exactly 1", buy({ worstPrice: "1" }), {}, ["PRICE_IMPOSSIBLE"]],
    ["a YES limit above the ask (slippage is the risk engine's call)", buy({ worstPrice: "0.59" }), {}, []],
    ["NO priced at the YES ask", buy({ outcome: "NO", worstPrice: "0.43" }), {}, ["OUTCOME_INVERTED"]],
    ["a YES limit below every ask", buy({ worstPrice: "0.3" }), {}, ["PRICE_UNREACHABLE"]],
    ["a size over the room", buy({ amount: { unit: "usd", value: "100.000001" } }), {}, ["SIZE_OVER_ROOM"]],
    [
      "shares whose cost is over the room",
      buy({ amount: { unit: "shares", value: "300" } }),
      {},
      ["SIZE_OVER_ROOM"],
    ],
    [
      "a size a lesson halved the room for",
      buy({ amount: { unit: "usd", value: "60" } }),
      { memory: { lessons: [], adaptationNotes: [], sizeMultiplierBps: 5_000, minLiquidityUsd: null } },
      ["SIZE_OVER_ROOM"],
    ],
    ["a buy with no trades left", buy(), { room: { ...base.room, tradesLeftToday: 0 } }, ["NO_TRADES_LEFT"]],
    [
      "a new market with no market room",
      buy(),
      { room: { ...base.room, newMarketsLeft: 0 } },
      ["NO_NEW_MARKET_ROOM"],
    ],
    [
      "a size above the recipe's fixed $25",
      buy({ amount: { unit: "usd", value: "25.01" } }),
      {},
      ["SIZE_ABOVE_RECIPE"],
    ],
    ["confidence under the recipe's minimum", buy({ confidence: 59 }), {}, ["BELOW_MIN_CONFIDENCE"]],
    [
      "a sell of an outcome not held",
      buy({ action: "sell", worstPrice: "0.41" }),
      {},
      ["SELL_WITHOUT_POSITION"],
    ],
    [
      "a sell of a held outcome at its bid",
      buy({ action: "sell", worstPrice: "0.41", amount: { unit: "shares", value: "50" } }),
      { positions: [heldYes(markets[0] ?? market(0))] },
      [],
    ],
    [
      "a sell of more shares than held",
      buy({ action: "sell", worstPrice: "0.41", amount: { unit: "shares", value: "51" } }),
      { positions: [heldYes(markets[0] ?? market(0))] },
      ["SELL_MORE_THAN_HELD"],
    ],
    [
      "a sell priced at the other outcome's bid",
      buy({ action: "sell", worstPrice: "0.57", amount: { unit: "shares", value: "10" } }),
      { positions: [heldYes(markets[0] ?? market(0))] },
      ["OUTCOME_INVERTED"],
    ],
  ])(
    "when the answer is %s then exactly the expected problems are reported",
    (_name, wire, overrides, codes) => {
      const result = validateDecision(wire, judgementRecipe, snapshot(markets, overrides), "test/model");
      expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(codes);
    },
  );

  it("when a buy is sound then the decision carries the real market id and exact money", () => {
    const result = validateDecision(buy(), judgementRecipe, base, "test/model");
    expect(result.ok && result.decision).toMatchObject({
      action: "buy",
      marketId: markets[0]?.marketId,
      amount: { unit: "usd", usd: usd("25") },
      worstPrice: 450_000n,
      decidedBy: "test/model",
    });
  });

  it("when the recipe buys only NO then a YES buy is against the recipe", () => {
    const noOnly = { ...judgementRecipe, entry: { ...judgementRecipe.entry, outcome: "NO" as const } };
    const result = validateDecision(buy(), noOnly, base, "m");
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(["OUTCOME_AGAINST_RECIPE"]);
  });

  it.each([
    ["32", 60, []],
    ["32.000001", 60, ["SIZE_ABOVE_RECIPE"]],
    ["50", 100, []],
  ])(
    "when a confidence-scaled recipe ($5..$50) gets $%s at confidence %i then the problems are %j",
    (value, confidence, codes) => {
      const scaled = {
        ...judgementRecipe,
        sizing: { mode: "confidence_scaled" as const, minUsd: "5", maxUsd: "50" },
      };
      const result = validateDecision(buy({ amount: { unit: "usd", value }, confidence }), scaled, base, "m");
      expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(codes);
    },
  );
});
