import { bookFromWire } from "../src/book/book-from-wire.ts";
import type { OrderBook } from "../src/book/order-book.ts";

type Levels = readonly (readonly [string, string])[];

/** Builds a book from [price, size] pairs written in wire order (best level last). */
export function makeBook(bids: Levels, asks: Levels, tick = "0.01", minSize = "5"): OrderBook {
  const toWire = (levels: Levels) => levels.map(([price, size]) => ({ price, size }));
  return bookFromWire({ bids: toWire(bids), asks: toWire(asks), tick_size: tick, min_order_size: minSize });
}
