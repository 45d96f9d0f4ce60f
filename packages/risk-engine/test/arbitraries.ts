import fc from "fast-check";
import type { BookLevel, OrderBook } from "../src/book/order-book.ts";
import type { Price, Shares } from "../src/money/units.ts";

const TICK = 10_000n as Price;

/** Distinct on-tick prices (in ticks of 0.01), sorted ascending. */
const tickPrices = (min: number, max: number) =>
  fc
    .uniqueArray(fc.integer({ min, max }), { minLength: 0, maxLength: 12 })
    .map((ticks) => ticks.sort((a, b) => a - b).map((t) => (BigInt(t) * TICK) as Price));

const size = fc.bigInt({ min: 0n, max: 500_000_000n }).map((s) => s as Shares);

/** A non-crossed book in wire order: bids 0.01..0.49 ascending, asks 0.51..0.99 descending. */
export const arbitraryBook: fc.Arbitrary<OrderBook> = fc
  .record({
    bidPrices: tickPrices(1, 49),
    askPrices: tickPrices(51, 99),
    sizes: fc.array(size, { minLength: 24, maxLength: 24 }),
  })
  .map(({ bidPrices, askPrices, sizes }) => ({
    bids: bidPrices.map((p, i): BookLevel => ({ price: p, size: sizes[i] ?? (0n as Shares) })),
    asks: askPrices.reverse().map((p, i): BookLevel => ({ price: p, size: sizes[12 + i] ?? (0n as Shares) })),
    tickSize: TICK,
    minOrderSize: 5_000_000n as Shares,
  }));
