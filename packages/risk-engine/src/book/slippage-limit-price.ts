import { divCeil, divFloor } from "../money/divide.ts";
import { roundLimitToTick } from "../money/tick.ts";
import { MICROS, type Price, type Side } from "../money/units.ts";
import type { BookLevel, OrderBook } from "./order-book.ts";

const BPS = 10_000n;

/**
 * The limit price that keeps every fill within `maxSlippageBps` of the best price: best * (1 ± bps),
 * rounded onto the tick toward the safe side (BUY down, SELL up) and kept inside [tick, 1 - tick],
 * the range the exchange accepts. Null when the side to take from is empty.
 */
export function slippageLimitPrice(book: OrderBook, side: Side, maxSlippageBps: number): Price | null {
  const levels = side === "BUY" ? book.asks : book.bids;
  const top = levels[levels.length - 1] as BookLevel | undefined;
  if (!top) return null;
  const bps = BigInt(maxSlippageBps);
  const raw = side === "BUY" ? divFloor(top.price * (BPS + bps), BPS) : divCeil(top.price * (BPS - bps), BPS);
  const tick = book.tickSize;
  let clamped = raw;
  if (clamped < tick) clamped = tick;
  if (clamped > MICROS - tick) clamped = MICROS - tick;
  return roundLimitToTick(clamped as Price, tick, side);
}
