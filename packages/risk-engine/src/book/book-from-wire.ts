import { price, shares } from "../money/parse-money.ts";
import type { BookLevel, OrderBook } from "./order-book.ts";

/** The fields of Polymarket's `GET /book` response this package needs, all decimal strings. */
export interface WireBook {
  readonly bids: readonly { readonly price: string; readonly size: string }[];
  readonly asks: readonly { readonly price: string; readonly size: string }[];
  readonly tick_size: string;
  readonly min_order_size: string;
}

const ascending = (a: BookLevel, b: BookLevel) => (a.price < b.price ? -1 : a.price > b.price ? 1 : 0);

/**
 * Converts a wire book exactly into the wire order (best level last); throws MoneyError on bad numbers.
 * Levels are sorted once here because every walk trusts that order: a reversed side would make the
 * worst level look like the best one and loosen the slippage cap.
 */
export function bookFromWire(wire: WireBook): OrderBook {
  const level = (raw: { readonly price: string; readonly size: string }): BookLevel => ({
    price: price(raw.price),
    size: shares(raw.size),
  });
  return {
    bids: wire.bids.map(level).sort(ascending),
    asks: wire.asks.map(level).sort((a, b) => ascending(b, a)),
    tickSize: price(wire.tick_size),
    minOrderSize: shares(wire.min_order_size),
  };
}
