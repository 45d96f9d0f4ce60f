import { price, shares } from "../money/parse-money.ts";
import type { BookLevel, OrderBook } from "./order-book.ts";

/** The fields of Polymarket's `GET /book` response this package needs, all decimal strings. */
export interface WireBook {
  readonly bids: readonly { readonly price: string; readonly size: string }[];
  readonly asks: readonly { readonly price: string; readonly size: string }[];
  readonly tick_size: string;
  readonly min_order_size: string;
}

/** Converts a wire book exactly, keeping the wire order (best level last); throws MoneyError on bad numbers. */
export function bookFromWire(wire: WireBook): OrderBook {
  const level = (raw: { readonly price: string; readonly size: string }): BookLevel => ({
    price: price(raw.price),
    size: shares(raw.size),
  });
  return {
    bids: wire.bids.map(level),
    asks: wire.asks.map(level),
    tickSize: price(wire.tick_size),
    minOrderSize: shares(wire.min_order_size),
  };
}
