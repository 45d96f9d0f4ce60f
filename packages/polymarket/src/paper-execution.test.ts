import {
  type BookLevel,
  type OrderBook,
  type Price,
  price,
  type Shares,
  shares,
  usd,
} from "@open-trade/risk-engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OrderRequest } from "./execution.ts";
import type { MarketParams } from "./market-data.ts";
import { createPaperExecution } from "./paper-execution.ts";

const PARAMS: MarketParams = {
  conditionId: "0xc",
  tickSize: price("0.01"),
  minOrderSize: shares("5"),
  negRisk: false,
  fee: { rateBps: 700, exponent: 1 },
};
const level = (p: string, s: string): BookLevel => ({ price: price(p), size: shares(s) });
const BOOK: OrderBook = {
  bids: [level("0.48", "100"), level("0.49", "50")],
  asks: [level("0.53", "100"), level("0.52", "40")],
  tickSize: PARAMS.tickSize,
  minOrderSize: PARAMS.minOrderSize,
};

function paperOn(initial: OrderBook | undefined, cash = "1000", clock = { now: 1_000 }) {
  let current = initial;
  const paper = createPaperExecution({
    book: () => current,
    params: async () => PARAMS,
    startingCash: usd(cash),
    now: () => clock.now,
  });
  return { paper, setBook: (book: OrderBook) => (current = book), clock };
}

async function place(paper: ReturnType<typeof paperOn>["paper"], patch: Partial<OrderRequest>) {
  const prepared = await paper.prepareOrder({
    tokenId: "1",
    side: "BUY",
    shares: shares("10"),
    limitPrice: price("0.52"),
    type: "FOK",
    ...patch,
  });
  if (!prepared.ok) throw new Error(prepared.failure.code);
  return { prepared: prepared.value, outcome: await paper.submitOrder(prepared.value) };
}

describe("paper execution", () => {
  it.each([
    ["a FOK BUY inside the top level", { shares: shares("40") }, { ok: true, filled: shares("40") }],
    ["a FOK BUY with depth only past its limit", { shares: shares("41") }, { ok: false, code: "SLIPPAGE" }],
    [
      "a FOK BUY beyond all depth",
      { shares: shares("141"), limitPrice: price("0.6") },
      { ok: false, code: "LIQUIDITY_KILL" },
    ],
    [
      "a FAK BUY beyond its limit",
      { type: "FAK" as const, shares: shares("41") },
      { ok: true, filled: shares("40") },
    ],
    [
      "a FAK SELL above the best bid",
      { type: "FAK" as const, side: "SELL" as const, limitPrice: price("0.5") },
      { ok: false, code: "SLIPPAGE" },
    ],
    [
      "a FAK SELL of shares not held",
      { type: "FAK" as const, side: "SELL" as const, limitPrice: price("0.48") },
      { ok: false, code: "INSUFFICIENT_BALANCE" },
    ],
    [
      "a FAK BUY with nothing at its limit",
      { type: "FAK" as const, limitPrice: price("0.51") },
      { ok: false, code: "SLIPPAGE" },
    ],
    [
      "a FAK BUY larger than the whole book and under it",
      { type: "FAK" as const, shares: shares("141"), limitPrice: price("0.51") },
      { ok: false, code: "LIQUIDITY_KILL" },
    ],
    [
      "a post-only GTC BUY that would cross the best ask",
      { type: "GTC" as const, postOnly: true },
      { ok: false, code: "INVALID_ORDER" },
    ],
    [
      "a post-only GTC BUY behind the best ask",
      { type: "GTC" as const, postOnly: true, limitPrice: price("0.51") },
      { ok: true, filled: 0n },
    ],
    [
      "a BUY larger than the cash",
      { shares: shares("40"), type: "FAK" as const },
      { ok: false, code: "INSUFFICIENT_BALANCE" },
      "10",
    ],
  ])(
    "when %s then the outcome has the expected code and fill",
    async (_name, patch, expected, cash = "1000") => {
      const { paper } = paperOn(BOOK, cash);
      const { outcome } = await place(paper, patch);
      expect(
        outcome.ok ? { ok: true, filled: outcome.filled } : { ok: false, code: outcome.failure.code },
      ).toEqual(expected);
    },
  );

  it("when a FOK BUY of 40 @ 0.52 fills then cash falls by notional plus the exact fee", async () => {
    const { paper } = paperOn(BOOK);
    const { outcome } = await place(paper, { shares: shares("40") });
    // fee = 40 * 0.07 * 0.52 * 0.48 = 0.69888
    expect(outcome.ok && [outcome.usd, outcome.fee]).toEqual([usd("21.49888"), usd("0.69888")]);
    const balance = await paper.balance();
    expect(balance.ok && balance.value.collateral).toBe(usd("978.50112"));
    expect(paper.position("1")).toBe(shares("40"));
  });

  it("when a FOK BUY takes two levels then its price is their exact volume-weighted average", async () => {
    const { paper } = paperOn(BOOK);
    const { outcome } = await place(paper, { shares: shares("50"), limitPrice: price("0.53") });
    // 40 at 0.52 and 10 at 0.53 cost 26.10: 0.522 a share, before the fee.
    expect(outcome.ok && [outcome.filled, outcome.price]).toEqual([shares("50"), price("0.522")]);
  });

  it("when a GTC rests and a later book crosses it then it fills at the new book's prices, once", async () => {
    const { paper } = paperOn(BOOK);
    const { outcome, prepared } = await place(paper, {
      type: "GTC",
      limitPrice: price("0.5"),
      shares: shares("20"),
    });
    expect(outcome.ok && [outcome.status, outcome.filled]).toEqual(["live", 0n]);
    const crossing = { ...BOOK, asks: [level("0.5", "15"), level("0.45", "10")] };
    expect((await paper.onBook("1", crossing)).map((f) => [f.shares, f.price])).toEqual([
      [shares("20"), price("0.475")],
    ]);
    expect(await paper.onBook("1", crossing)).toEqual([]);
    const open = await paper.openOrders();
    expect(open.ok && open.value).toEqual([]);
    const trades = await paper.trades({ orderId: prepared.orderId });
    expect(trades.ok && trades.value.length).toBe(1);
  });

  it("when a GTD order's time passes then it no longer rests or fills", async () => {
    const { paper, clock } = paperOn(BOOK);
    await place(paper, { type: "GTD", limitPrice: price("0.5"), expiresAt: new Date(5_000) });
    clock.now = 5_000;
    expect(await paper.onBook("1", { ...BOOK, asks: [level("0.4", "100")] })).toEqual([]);
  });

  it("when the same prepared order is submitted twice then the second is a DUPLICATE and nothing fills twice", async () => {
    const { paper } = paperOn(BOOK);
    const { prepared } = await place(paper, {});
    const again = await paper.submitOrder(prepared);
    expect(again.ok || again.failure.code).toBe("DUPLICATE");
    expect(paper.position("1")).toBe(shares("10"));
  });

  it.each([
    ["1", usd("10")],
    ["2", usd("0")],
  ])("when the market resolves to token %s then 10 held shares pay %s micro-USD", async (winner, payout) => {
    const { paper } = paperOn(BOOK);
    await place(paper, {});
    expect(paper.settle(["1", "2"], winner)).toBe(payout);
    expect(paper.position("1")).toBe(0n);
  });

  it.each([
    ["prepared by the live execution", { mode: "live" as const }],
    ["with a damaged size", { shares: "1e3" }],
  ])("when an order %s is submitted then it is refused as INVALID_ORDER", async (_name, patch) => {
    const { paper } = paperOn(BOOK);
    const prepared = await paper.prepareOrder({
      tokenId: "1",
      side: "BUY",
      shares: shares("10"),
      limitPrice: price("0.52"),
      type: "FOK",
    });
    if (!prepared.ok) throw new Error(prepared.failure.code);
    const outcome = await paper.submitOrder({ ...prepared.value, ...patch });
    expect(outcome.ok || outcome.failure.code).toBe("INVALID_ORDER");
    expect(paper.position("1")).toBe(0n);
  });

  it("when there is no current book then the order fails as EXCHANGE_UNAVAILABLE", async () => {
    const { paper } = paperOn(undefined);
    const { outcome } = await place(paper, {});
    expect(outcome.ok || outcome.failure.code).toBe("EXCHANGE_UNAVAILABLE");
  });
});

const cents = fc.integer({ min: 2, max: 98 });
const levels = (ascending: boolean) =>
  fc
    .uniqueArray(fc.record({ c: cents, s: fc.integer({ min: 1, max: 50 }) }), {
      selector: (l) => l.c,
      maxLength: 6,
    })
    .map((ls) =>
      ls
        .sort((a, b) => (ascending ? a.c - b.c : b.c - a.c))
        .map((l) => ({
          price: (BigInt(l.c) * 10_000n) as Price,
          size: (BigInt(l.s) * 1_000_000n) as Shares,
        })),
    );
const bookArb = fc
  .record({ bids: levels(true), asks: levels(false) })
  .map((b) => ({ ...b, tickSize: PARAMS.tickSize, minOrderSize: PARAMS.minOrderSize }));
const orderArb = fc.record({
  side: fc.constantFrom("BUY" as const, "SELL" as const),
  type: fc.constantFrom("FOK" as const, "FAK" as const, "GTC" as const),
  limit: cents,
  size: fc.integer({ min: 5, max: 60 }),
});
const stepArb = fc.array(fc.record({ book: bookArb, order: orderArb }), { minLength: 1, maxLength: 12 });

type Step = {
  book: OrderBook;
  order: { side: "BUY" | "SELL"; type: "FOK" | "FAK" | "GTC"; limit: number; size: number };
};

async function run(steps: Step[]) {
  const { paper, setBook } = paperOn(undefined, "100000");
  const log: unknown[] = [];
  for (const { book, order } of steps) {
    setBook(book);
    log.push(await paper.onBook("1", book));
    const prepared = await paper.prepareOrder({
      tokenId: "1",
      side: order.side,
      type: order.type,
      shares: shares(String(order.size)),
      limitPrice: price(`0.${String(order.limit).padStart(2, "0")}`),
    });
    if (prepared.ok) log.push({ book, order, outcome: await paper.submitOrder(prepared.value) });
  }
  const trades = await paper.trades();
  return { log, trades: trades.ok ? trades.value : [] };
}

describe("paper execution with initial holdings", () => {
  const withHoldings = (holdings: [string, bigint][]) =>
    createPaperExecution({
      book: () => BOOK,
      params: async () => PARAMS,
      startingCash: usd("0"),
      // Raw micro-shares: the parser `shares()` would refuse a negative before the account could.
      holdings: holdings.map(([token, held]) => [token, held as Shares] as const),
      now: () => 1_000,
    });

  it("when the account opens holding shares then it can sell them, and no more, with no cash at all", async () => {
    const paper = withHoldings([
      ["1", 6_000_000n],
      ["1", 4_000_000n],
    ]);
    const sell = (size: string) =>
      place(paper, { side: "SELL", shares: shares(size), limitPrice: price("0.48"), type: "FAK" });
    const first = (await sell("10")).outcome;
    const second = (await sell("1")).outcome;
    expect([first.ok && first.filled, second.ok || second.failure.code, paper.position("1")]).toEqual([
      shares("10"),
      "INSUFFICIENT_BALANCE",
      0n,
    ]);
  });

  it("when a holding is negative then opening the account fails and says which token", () => {
    expect(() => withHoldings([["7", -1_000_000n]])).toThrow(/cannot be negative: token 7/);
  });
});

describe("paper execution properties", () => {
  it("when random books and orders are played then fills never beat the book, always pay fees, and FOK is never partial", async () => {
    await fc.assert(
      fc.asyncProperty(stepArb, async (steps) => {
        const { log } = await run(steps);
        for (const entry of log) {
          if (Array.isArray(entry) || !entry || typeof entry !== "object" || !("outcome" in entry)) continue;
          const { book, order, outcome } = entry as {
            book: OrderBook;
            order: { side: string; type: string; size: number };
            outcome: Awaited<ReturnType<ReturnType<typeof paperOn>["paper"]["submitOrder"]>>;
          };
          if (!outcome.ok || outcome.filled === 0n) continue;
          const best = order.side === "BUY" ? book.asks.at(-1)?.price : book.bids.at(-1)?.price;
          const paidPerShareTimesFilled =
            outcome.usd + (order.side === "BUY" ? -(outcome.fee ?? 0n) : (outcome.fee ?? 0n));
          expect(best).toBeDefined();
          if (order.side === "BUY")
            expect(paidPerShareTimesFilled * 1_000_000n >= (best as bigint) * outcome.filled).toBe(true);
          else expect(paidPerShareTimesFilled * 1_000_000n <= (best as bigint) * outcome.filled).toBe(true);
          expect((outcome.fee ?? 0n) > 0n).toBe(true);
          // Never partial: a SELL sells its size; a market BUY spends its amount, receiving at least its size.
          const size = BigInt(order.size) * 1_000_000n;
          if (order.type === "FOK" && order.side === "BUY") expect(outcome.filled >= size).toBe(true);
          else if (order.type === "FOK") expect(outcome.filled).toBe(size);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("when the same events are played twice then the fills are identical", async () => {
    await fc.assert(
      fc.asyncProperty(stepArb, async (steps) => {
        expect(await run(steps)).toEqual(await run(steps));
      }),
      { numRuns: 50 },
    );
  });
});
