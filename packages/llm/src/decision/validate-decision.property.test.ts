import { formatMicros, notional, price, shares, usd } from "@open-trade/risk-engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { judgementRecipe, market, snapshot } from "../testing/snapshot-fixture.ts";
import type { DecisionWire } from "./decision-schema.ts";
import { effectivePerTradeUsd, eligibleCandidates } from "./eligible-candidates.ts";
import { validateDecision } from "./validate-decision.ts";

const markets = [
  market(0, "0.43"),
  market(1, "0.12"),
  market(2, "0.88"),
  { ...market(3), category: "weather" },
];
const micros = (max: bigint) => fc.bigInt({ min: 0n, max }).map(formatMicros);

/** Whatever a model might answer, within the wire schema's shape. */
const anyAnswer: fc.Arbitrary<DecisionWire> = fc.record({
  action: fc.constantFrom("buy", "sell", "hold"),
  market: fc.option(fc.constantFrom("m1", "m2", "m3", "m4", "m5", "0xabc"), { nil: null }),
  outcome: fc.option(fc.constantFrom("YES", "NO"), { nil: null }),
  amount: fc.option(
    fc.record({
      unit: fc.constantFrom("usd", "shares"),
      value: fc.oneof(micros(60_000_000n), micros(500_000_000n)),
    }),
    { nil: null, freq: 10 },
  ),
  // Biased towards the fixture's books (asks 0.12/0.43/0.88 and complements) so acceptance is common.
  worstPrice: fc.option(
    fc.oneof(fc.constantFrom("0.12", "0.2", "0.45", "0.59", "0.9", "0.99"), micros(1_000_000n)),
    {
      nil: null,
      freq: 10,
    },
  ),
  confidence: fc.integer({ min: 0, max: 100 }),
  reasoning: fc.constant("because"),
});

describe("validateDecision properties", () => {
  it("when any answer is accepted as a buy then it is an eligible market, reachable, and inside room and recipe", () => {
    const snap = snapshot(markets, {
      room: { perTradeUsd: usd("80"), budgetLeftUsd: usd("60"), tradesLeftToday: 2, newMarketsLeft: 1 },
    });
    let accepted = 0;
    fc.assert(
      fc.property(anyAnswer, (answer) => {
        const result = validateDecision(answer, judgementRecipe, snap, "m");
        if (!result.ok || result.decision.action !== "buy") return;
        accepted++;
        const { decision } = result;
        const bought = snap.candidates.find((m) => m.marketId === decision.marketId);
        expect(bought && eligibleCandidates(judgementRecipe, snap).includes(bought)).toBe(true);
        const ask = bought?.outcomes.find((o) => o.side === decision.outcome)?.bestAsk ?? null;
        expect(ask !== null && decision.worstPrice >= ask).toBe(true);
        const spend =
          decision.amount.unit === "usd"
            ? decision.amount.usd
            : notional(decision.amount.shares, decision.worstPrice, "up");
        expect(
          spend <= effectivePerTradeUsd(snap) && spend <= snap.room.budgetLeftUsd && spend <= 25_000_000n,
        ).toBe(true);
        expect(decision.confidence).toBeGreaterThanOrEqual(60);
      }),
      { numRuns: 2_000 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it("when any answer is accepted as a sell then the outcome is held and no more than held is sold", () => {
    const held = {
      marketId: markets[1]?.marketId ?? "",
      side: "NO" as const,
      shares: shares("40"),
      averageEntryPrice: price("0.9"),
      openedAtMs: 0,
    };
    const snap = snapshot(markets, { positions: [held] });
    let accepted = 0;
    fc.assert(
      fc.property(anyAnswer, (answer) => {
        const result = validateDecision(answer, judgementRecipe, snap, "m");
        if (!result.ok || result.decision.action !== "sell") return;
        accepted++;
        expect([result.decision.marketId, result.decision.outcome]).toEqual([held.marketId, "NO"]);
        if (result.decision.amount.unit === "shares")
          expect(result.decision.amount.shares <= held.shares).toBe(true);
      }),
      { numRuns: 2_000 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
