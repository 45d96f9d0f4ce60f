import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyFills, planMatch, type TakerIntent } from "./matching-engine.ts";
import { addEntry, aggregate, emptyBook } from "./order-book.ts";
import type { Level } from "./types.ts";

const M = 1_000_000n;

/** Asks in wire order built from [price, size] pairs in micro-units. */
const asks = (pairs: [bigint, bigint][]): Level[] => {
  const book = emptyBook();
  for (const [price, size] of pairs) addEntry(book, "SELL", price, { orderId: null, owner: null, size });
  return book.asks;
};

const buyShares = (shares: bigint, price: bigint): TakerIntent => ({
  side: "BUY",
  limit: { usd: (shares * price) / M, shares },
  size: { kind: "shares", amount: shares },
  owner: "0xtaker",
});

describe("planMatch", () => {
  it.each([
    ["a buy inside the best level", 10n * M, 530_000n, 10n * M, 5_200_000n, true],
    ["a buy walking two levels", 50n * M, 530_000n, 50n * M, 26_100_000n, true],
    ["a buy limited by price", 50n * M, 520_000n, 40n * M, 20_800_000n, false],
    ["a buy larger than the book", 200n * M, 990_000n, 140n * M, 73_800_000n, false],
  ])(
    "when %s then shares, notional and completeness match",
    (_name, shares, limit, filled, notional, complete) => {
      const plan = planMatch(
        asks([
          [530_000n, 100n * M],
          [520_000n, 40n * M],
        ]),
        buyShares(shares, limit),
      );
      expect([plan.shares, plan.notional, plan.complete]).toEqual([filled, notional, complete]);
    },
  );

  it("when a market buy spends a USD budget then it stops at the last buyable micro-share", () => {
    const plan = planMatch(
      asks([
        [530_000n, 100n * M],
        [520_000n, 40n * M],
      ]),
      {
        side: "BUY",
        limit: { usd: 20n * M, shares: 37_735_849n },
        size: { kind: "usd", amount: 20n * M },
        owner: "0xtaker",
      },
    );
    expect(plan.complete).toBe(true);
    expect(plan.notional).toBe(20n * M);
    expect(plan.shares).toBe(38_461_538n);
  });

  it("when the only liquidity is the taker's own order then nothing matches (no self-trade)", () => {
    const book = emptyBook();
    addEntry(book, "SELL", 500_000n, { orderId: "0xmine", owner: "0xtaker", size: 10n * M });
    expect(planMatch(book.asks, buyShares(5n * M, 500_000n)).fills).toEqual([]);
  });

  it("when a sell crosses bids then fills come from the best (last) bid first at the bid's price", () => {
    const book = emptyBook();
    addEntry(book, "BUY", 480_000n, { orderId: null, owner: null, size: 100n * M });
    addEntry(book, "BUY", 490_000n, { orderId: null, owner: null, size: 50n * M });
    const plan = planMatch(book.bids, {
      side: "SELL",
      limit: { usd: 7_200_000n, shares: 15n * M },
      size: { kind: "shares", amount: 15n * M },
      owner: "0xtaker",
    });
    expect(plan.fills.map((fill) => [fill.price, fill.shares])).toEqual([[490_000n, 15n * M]]);
    expect(plan.notional).toBe(7_350_000n);
  });
});

const levelArb = fc.tuple(fc.bigInt({ min: 1n, max: 999n }), fc.bigInt({ min: 1n, max: 1_000n * M }));

describe("planMatch properties", () => {
  it("when any buy is matched then no fill beats the limit and the book shrinks by exactly the filled shares", () => {
    fc.assert(
      fc.property(
        fc.array(levelArb, { maxLength: 30 }),
        fc.bigInt({ min: 1n, max: 999n }),
        fc.bigInt({ min: 1n, max: 5_000n * M }),
        (pairs, limitTicks, shares) => {
          const levels = asks(pairs.map(([ticks, size]) => [ticks * 1_000n, size]));
          const total = (): bigint => [...aggregate(levels).values()].reduce((a, b) => a + b, 0n);
          const before = total();
          const limit = limitTicks * 1_000n;
          const plan = planMatch(levels, buyShares(shares, limit));
          for (const fill of plan.fills) expect(fill.price <= limit).toBe(true);
          expect(plan.shares <= shares).toBe(true);
          expect(plan.complete).toBe(plan.shares === shares);
          applyFills(levels, plan.fills);
          expect(total()).toBe(before - plan.shares);
        },
      ),
    );
  });

  it("when any USD-budget buy is matched then it never spends more than the budget", () => {
    fc.assert(
      fc.property(
        fc.array(levelArb, { maxLength: 30 }),
        fc.bigInt({ min: 1n, max: 5_000n * M }),
        (pairs, budget) => {
          const levels = asks(pairs.map(([ticks, size]) => [ticks * 1_000n, size]));
          const plan = planMatch(levels, {
            side: "BUY",
            limit: { usd: 999n, shares: 1_000n },
            size: { kind: "usd", amount: budget },
            owner: "0xtaker",
          });
          expect(plan.notional <= budget).toBe(true);
        },
      ),
    );
  });
});
