import { type BookLevel, price, shares } from "@open-trade/risk-engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BookCache } from "./book-cache.ts";
import type { WsBookEvent, WsPriceChangeEvent } from "./wire/ws-market-event.ts";

const TOKENS = ["1", "2"];
const level = fc.record({
  price: fc.integer({ min: 1, max: 99 }).map((cents) => BigInt(cents) * 10_000n),
  size: fc.integer({ min: 0, max: 5_000 }).map((n) => BigInt(n) * 1_000_000n),
});
const bookEvent = fc.record({
  kind: fc.constant("book" as const),
  token: fc.constantFrom(...TOKENS),
  bids: fc.array(level, { maxLength: 8 }),
  asks: fc.array(level, { maxLength: 8 }),
});
const changeEvent = fc.record({
  kind: fc.constant("change" as const),
  token: fc.constantFrom(...TOKENS),
  side: fc.constantFrom("BUY" as const, "SELL" as const),
  level,
});

type Model = Map<string, { bids: Map<bigint, bigint>; asks: Map<bigint, bigint> }>;

function expected(model: Model, token: string) {
  const book = model.get(token);
  if (!book) return undefined;
  const sorted = (side: Map<bigint, bigint>, ascending: boolean) =>
    [...side]
      .filter(([, size]) => size > 0n)
      .sort(([a], [b]) => (a < b === ascending ? -1 : 1))
      .map(([p, size]) => ({ price: p, size }));
  return { bids: sorted(book.bids, true), asks: sorted(book.asks, false) };
}

const wireBook = (token: string, bids: BookLevel[], asks: BookLevel[], timestamp: number): WsBookEvent => ({
  event_type: "book",
  asset_id: token,
  market: "0xm",
  timestamp,
  hash: `h${timestamp}`,
  bids,
  asks,
  tick_size: price("0.01"),
  min_order_size: shares("5"),
});

describe("BookCache", () => {
  it("when long random sequences of book and price_change events are applied then it equals the source book", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(bookEvent, changeEvent), { maxLength: 300 }), (events) => {
        const cache = new BookCache();
        const model: Model = new Map();
        events.forEach((event, timestamp) => {
          if (event.kind === "book") {
            const last = (levels: typeof event.bids) => new Map(levels.map((l) => [l.price, l.size]));
            model.set(event.token, { bids: last(event.bids), asks: last(event.asks) });
            const dedupe = (side: Map<bigint, bigint>) =>
              [...side].map(([p, size]) => ({ price: p, size }) as BookLevel);
            cache.applyBook(
              wireBook(event.token, dedupe(last(event.bids)), dedupe(last(event.asks)), timestamp),
            );
            return;
          }
          model
            .get(event.token)
            ?.[event.side === "BUY" ? "bids" : "asks"].set(event.level.price, event.level.size);
          const change: WsPriceChangeEvent = {
            event_type: "price_change",
            market: "0xm",
            timestamp,
            price_changes: [
              {
                asset_id: event.token,
                ...event.level,
                side: event.side,
                best_bid: null,
                best_ask: null,
              } as never,
            ],
          };
          cache.applyPriceChange(change);
        });
        for (const token of TOKENS) {
          const book = cache.get(token);
          expect(book && { bids: book.bids, asks: book.asks }).toEqual(expected(model, token));
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["before any book", (cache: BookCache) => cache, undefined],
    [
      "after invalidation",
      (cache: BookCache) => {
        cache.applyBook(wireBook("1", [], [{ price: price("0.5"), size: shares("1") }], 1));
        cache.invalidate();
        return cache;
      },
      undefined,
    ],
  ])("when asked %s then no book is served", (_name, prepare, result) => {
    expect(prepare(new BookCache()).get("1")).toBe(result);
  });

  it("when a snapshot was read and a change arrives then the old snapshot is unchanged and the new one differs", () => {
    const cache = new BookCache();
    cache.applyBook(wireBook("1", [{ price: price("0.4"), size: shares("10") }], [], 1));
    const before = cache.get("1");
    cache.applyPriceChange({
      event_type: "price_change",
      market: "0xm",
      timestamp: 2,
      price_changes: [
        {
          asset_id: "1",
          price: price("0.45"),
          size: shares("3"),
          side: "BUY",
          best_bid: null,
          best_ask: null,
        },
      ],
    });
    expect(before?.bids.map((l) => l.price)).toEqual([price("0.4")]);
    expect(cache.get("1")?.bids.map((l) => l.price)).toEqual([price("0.4"), price("0.45")]);
    expect(cache.get("1")?.timestamp).toBe(2);
  });
});
