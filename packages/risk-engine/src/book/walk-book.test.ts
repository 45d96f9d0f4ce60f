import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryBook } from "../../test/arbitraries.ts";
import { makeBook } from "../../test/book.ts";
import { walkBookOracle } from "../../test/walk-book-oracle.ts";
import { price, shares, usd } from "../money/parse-money.ts";
import type { Price, Shares, Usd } from "../money/units.ts";
import type { BookLevel, OrderBook } from "./order-book.ts";
import { type WalkRequest, walkBook } from "./walk-book.ts";

const book = makeBook(
  [
    ["0.46", "10"],
    ["0.48", "20"],
  ],
  [
    ["0.55", "50"],
    ["0.52", "40"],
    ["0.51", "0"],
    ["0.50", "30"],
  ],
);

describe("walkBook", () => {
  it.each([
    {
      name: "a BUY of 100 shares sweeps three levels",
      request: { side: "BUY", shares: shares("100") },
      expected: {
        filled: "100",
        cost: "52.3",
        vwap: "0.523",
        best: "0.5",
        worst: "0.55",
        levels: 3,
        remaining: "0",
        slipBest: 460,
        slipMid: 674,
        complete: true,
      },
    },
    {
      name: "a BUY capped at 0.52 stops before the 0.55 level",
      request: { side: "BUY", shares: shares("100"), limitPrice: price("0.52") },
      expected: {
        filled: "70",
        cost: "35.8",
        vwap: "0.511429",
        best: "0.5",
        worst: "0.52",
        levels: 2,
        remaining: "30",
        slipBest: 229,
        slipMid: 438,
        complete: false,
      },
    },
    {
      name: "a BUY of 20 USD buys what 20 USD pays for",
      request: { side: "BUY", usd: usd("20") },
      expected: {
        filled: "39.615384",
        cost: "20",
        vwap: "0.504855",
        best: "0.5",
        worst: "0.52",
        levels: 2,
        remaining: "0",
        slipBest: 98,
        slipMid: 304,
        complete: true,
      },
    },
    {
      name: "a SELL of 25 shares takes the best bid first",
      request: { side: "SELL", shares: shares("25") },
      expected: {
        filled: "25",
        cost: "11.9",
        vwap: "0.476",
        best: "0.48",
        worst: "0.46",
        levels: 2,
        remaining: "0",
        slipBest: 84,
        slipMid: 286,
        complete: true,
      },
    },
    {
      name: "a SELL for 5 USD sells just enough shares",
      request: { side: "SELL", usd: usd("5") },
      expected: {
        filled: "10.416667",
        cost: "5",
        vwap: "0.48",
        best: "0.48",
        worst: "0.48",
        levels: 1,
        remaining: "0",
        slipBest: 0,
        slipMid: 205,
        complete: true,
      },
    },
    {
      name: "a SELL larger than the bids leaves a remainder",
      request: { side: "SELL", shares: shares("40") },
      expected: {
        filled: "30",
        cost: "14.2",
        vwap: "0.473333",
        best: "0.48",
        worst: "0.46",
        levels: 2,
        remaining: "10",
        slipBest: 139,
        slipMid: 341,
        complete: false,
      },
    },
    {
      name: "a walk without a target consumes every level",
      request: { side: "BUY" },
      expected: {
        filled: "120",
        cost: "63.3",
        vwap: "0.5275",
        best: "0.5",
        worst: "0.55",
        levels: 3,
        remaining: "0",
        slipBest: 550,
        slipMid: 766,
        complete: true,
      },
    },
  ] as const)("when $name then the walk matches", ({ request, expected }) => {
    const walk = walkBook(book, request);
    expect({
      filled: walk.filled,
      cost: walk.cost,
      vwap: walk.vwap,
      best: walk.bestPrice,
      worst: walk.worstPrice,
      levels: walk.levelsConsumed,
      remaining: walk.remaining,
      slipBest: walk.slippageVsBestBps,
      slipMid: walk.slippageVsMidBps,
      complete: walk.complete,
    }).toEqual({
      ...expected,
      filled: shares(expected.filled),
      cost: usd(expected.cost),
      vwap: price(expected.vwap),
      best: price(expected.best),
      worst: price(expected.worst),
      remaining: "usd" in request ? usd(expected.remaining) : shares(expected.remaining),
    });
  });

  it.each([
    ["a BUY of 20 USD against Polymarket's example asks", "BUY", { usd: usd("20") }, "38.461538", "20"],
    ["a SELL of 15 shares against Polymarket's example bids", "SELL", { shares: shares("15") }, "15", "7.35"],
  ] as const)("when %s then fill and notional match the reference", (_name, side, target, filled, cost) => {
    const reference = makeBook(
      [
        ["0.48", "100"],
        ["0.49", "50"],
      ],
      [
        ["0.53", "100"],
        ["0.52", "40"],
      ],
    );
    const walk = walkBook(reference, { side, ...target });
    expect([walk.filled, walk.cost]).toEqual([shares(filled), usd(cost)]);
  });

  it.each([
    ["rate 700 bps, exponent 1, 100 shares at 0.5", "0.5", 700, 1, "1.75"],
    ["rate 700 bps, exponent 2, 100 shares at 0.5", "0.5", 700, 2, "0.4375"],
    ["rate 0", "0.5", 0, 1, "0"],
    ["a fee that rounds up to one micro-USD", "0.999999", 1, 1, "0.000001"],
  ])("when the fee is %s then it is %s", (_name, at, rateBps, exponent, expected) => {
    const single = makeBook([], [[at, "100"]], "0.000001");
    const walk = walkBook(single, { side: "BUY", shares: shares("100"), fee: { rateBps, exponent } });
    expect(walk.fee).toBe(usd(expected));
  });

  it.each([
    { rateBps: 1.5, exponent: 1 },
    { rateBps: 10, exponent: -1 },
  ])("when the fee schedule is %j then it throws", (fee) => {
    expect(() => walkBook(book, { side: "BUY", shares: shares("1"), fee })).toThrow();
  });

  it("when the side is empty then nothing fills and prices are null", () => {
    const walk = walkBook(makeBook([], []), { side: "BUY", shares: shares("1") });
    expect(walk).toMatchObject({
      filled: 0n,
      vwap: null,
      bestPrice: null,
      worstPrice: null,
      slippageVsBestBps: 0,
      slippageVsMidBps: null,
      complete: false,
      remaining: shares("1"),
    });
  });

  it.each([
    ["a free ask is taken whole for a USD target", "BUY", "0", "3"],
    ["a zero bid is skipped for a USD target", "SELL", "0", "0"],
  ] as const)("when %s then %s shares fill", (_name, side, at, filled) => {
    const zero = makeBook([[at, "3"]], [[at, "3"]], "0.000001");
    expect(walkBook(zero, { side, usd: usd("1") }).filled).toBe(shares(filled));
  });

  it("when a share target of zero is asked then the walk is complete and empty", () => {
    expect(walkBook(book, { side: "BUY", shares: shares("0") })).toMatchObject({
      filled: 0n,
      complete: true,
    });
  });
});

describe("walkBook properties", () => {
  const target = fc.bigInt({ min: 1n, max: 2_000_000_000n }).map((s) => s as Shares);
  const side = fc.constantFrom("BUY" as const, "SELL" as const);

  it("when anything fills then VWAP lies between the best and worst prices consumed", () => {
    fc.assert(
      fc.property(arbitraryBook, side, target, (b, s, qty) => {
        const walk = walkBook(b, { side: s, shares: qty });
        if (walk.vwap === null || walk.bestPrice === null || walk.worstPrice === null)
          return walk.filled === 0n;
        const [low, high] =
          s === "BUY" ? [walk.bestPrice, walk.worstPrice] : [walk.worstPrice, walk.bestPrice];
        return low <= walk.vwap && walk.vwap <= high;
      }),
    );
  });

  it("when the size grows then VWAP never improves", () => {
    fc.assert(
      fc.property(arbitraryBook, side, target, target, (b, s, x, y) => {
        const [small, large] = x < y ? [x, y] : [y, x];
        const a = walkBook(b, { side: s, shares: small }).vwap;
        const c = walkBook(b, { side: s, shares: large }).vwap;
        if (a === null || c === null) return true;
        return s === "BUY" ? c >= a : c <= a;
      }),
    );
  });

  it("when a USD target is walked then the notional never exceeds it for a BUY", () => {
    fc.assert(
      fc.property(arbitraryBook, fc.bigInt({ min: 0n, max: 500_000_000n }), (b, budget) => {
        const walk = walkBook(b, { side: "BUY", usd: budget as Usd });
        return walk.cost <= budget;
      }),
    );
  });
});

describe("walkBook against the walk it replaced", () => {
  // Up to 60 levels of up to a million shares, so fee terms pass 2^64 one by one and their sum many times.
  const level = fc.record({
    price: fc.integer({ min: 1, max: 999_999 }).map((n) => BigInt(n) as Price),
    size: fc.oneof(
      fc.bigInt({ min: 0n, max: 100_000_000n }),
      fc.bigInt({ min: 0n, max: 1_000_000_000_000n }),
    ) as fc.Arbitrary<Shares>,
  });
  /** Wire order: bids ascending, asks descending (best last). */
  const side = (ascending: boolean) =>
    fc
      .uniqueArray(level, { maxLength: 60, selector: (l) => l.price })
      .map((levels): BookLevel[] =>
        levels.sort((a, b) => (a.price < b.price === ascending ? -1 : a.price === b.price ? 0 : 1)),
      );
  const arbitraryDeepBook: fc.Arbitrary<OrderBook> = fc.record({
    bids: side(true),
    asks: side(false),
    tickSize: fc.constant(1n as Price),
    minOrderSize: fc.constant(0n as Shares),
  });
  const request: fc.Arbitrary<WalkRequest> = fc.record(
    {
      side: fc.constantFrom("BUY", "SELL"),
      shares: fc.bigInt({ min: 0n, max: 30_000_000_000_000n }) as fc.Arbitrary<Shares>,
      usd: fc.bigInt({ min: 0n, max: 30_000_000_000_000n }) as fc.Arbitrary<Usd>,
      limitPrice: fc.integer({ min: 0, max: 1_000_000 }).map((n) => BigInt(n) as Price),
      fee: fc.record({
        rateBps: fc.integer({ min: 0, max: 1_000 }),
        exponent: fc.integer({ min: 0, max: 3 }),
      }),
    },
    { requiredKeys: ["side"] },
  );

  it("when any book is walked with or without a fee then every field equals the old walk's", () => {
    fc.assert(
      fc.property(arbitraryDeepBook, request, (b, r) => {
        expect(walkBook(b, r)).toEqual(walkBookOracle(b, r));
      }),
      { numRuns: 2_000 },
    );
  });

  it("when 1,000 levels of a million shares are walked with a fee then the fee equals the old walk's", () => {
    const asks = Array.from({ length: 1_000 }, (_, i) => ({
      price: (999_000n - BigInt(i) * 997n) as Price,
      size: 1_000_000_000_000n as Shares,
    }));
    const deep = { bids: [], asks, tickSize: 1n as Price, minOrderSize: 0n as Shares };
    const r: WalkRequest = { side: "BUY", fee: { rateBps: 700, exponent: 1 } };
    expect(walkBook(deep, r).fee).toBe(walkBookOracle(deep, r).fee);
  });
});
