import { type BookLevel, type Price, price, type Shares, shares } from "@open-trade/risk-engine";
import { bench, describe } from "vitest";
import { BookCache } from "./book-cache.ts";
import { fastPriceChange } from "./wire/fast-price-change.ts";
import { type WsPriceChangeEvent, wsPriceChangeEventSchema } from "./wire/ws-market-event.ts";

const level = (cents: number, size: number): BookLevel => ({
  price: (BigInt(cents) * 10_000n) as Price,
  size: (BigInt(size) * 1_000_000n) as Shares,
});
const cache = new BookCache();
cache.applyBook({
  event_type: "book",
  asset_id: "1",
  market: "0xm",
  timestamp: 1,
  hash: "",
  bids: Array.from({ length: 49 }, (_, i) => level(i + 1, 100)),
  asks: Array.from({ length: 49 }, (_, i) => level(99 - i, 100)),
  tick_size: price("0.01"),
  min_order_size: shares("5"),
});

// 1,000 distinct pre-built events, cycled, so the benchmark measures applying rather than building.
const parsed: WsPriceChangeEvent[] = Array.from({ length: 1_000 }, (_, i) => ({
  event_type: "price_change",
  market: "0xm",
  timestamp: i,
  price_changes: [
    {
      asset_id: "1",
      price: (BigInt((i % 98) + 1) * 10_000n) as Price,
      size: (BigInt(i % 7) * 1_000_000n) as Shares,
      side: i % 2 === 0 ? "BUY" : "SELL",
      hash: "h",
      best_bid: null,
      best_ask: null,
    },
  ],
}));
const raw = parsed.map((event) =>
  JSON.stringify({
    ...event,
    timestamp: String(event.timestamp),
    price_changes: event.price_changes.map((c) => ({
      ...c,
      price: (Number(c.price) / 1e6).toString(),
      size: (Number(c.size) / 1e6).toString(),
      best_bid: "",
      best_ask: "",
    })),
  }),
);

describe("book cache", () => {
  let i = 0;
  bench("price_change applied (pre-parsed)", () => {
    cache.applyPriceChange(parsed[i++ % parsed.length] as WsPriceChangeEvent);
  });
  bench("price_change parsed from JSON text with zod and applied", () => {
    const event = wsPriceChangeEventSchema.parse(JSON.parse(raw[i++ % raw.length] as string));
    cache.applyPriceChange(event);
  });
  bench("price_change parsed from JSON text on the fast path and applied (what the feed does)", () => {
    const event = fastPriceChange(JSON.parse(raw[i++ % raw.length] as string));
    if (event) cache.applyPriceChange(event);
  });
  bench("price_change applied then the consistent book read", () => {
    cache.applyPriceChange(parsed[i++ % parsed.length] as WsPriceChangeEvent);
    cache.get("1");
  });
});
