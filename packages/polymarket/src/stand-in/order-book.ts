import { formatMicros } from "@open-trade/risk-engine";
import type { BookEntry, Level, Side, TokenBook } from "./types.ts";

/** A price/size pair as tests and simulations give it: decimal strings or micro-units. */
export interface LevelInput {
  readonly price: bigint;
  readonly size: bigint;
}

export function emptyBook(): TokenBook {
  return { bids: [], asks: [], lastTrade: null };
}

/** The levels a resting order of `side` joins: bids for BUY, asks for SELL. */
function restingSide(book: TokenBook, side: Side): Level[] {
  return side === "BUY" ? book.bids : book.asks;
}

/** Wire order: bids ascending, asks descending, so `before(a, b)` says whether a sorts before b. */
const before = (side: Side, a: bigint, b: bigint): boolean => (side === "BUY" ? a < b : a > b);

export function addEntry(book: TokenBook, side: Side, price: bigint, entry: BookEntry): void {
  const levels = restingSide(book, side);
  let index = levels.length;
  while (index > 0) {
    const level = levels[index - 1] as Level;
    if (level.price === price) {
      level.entries.push(entry);
      return;
    }
    if (before(side, level.price, price)) break;
    index -= 1;
  }
  levels.splice(index, 0, { price, entries: [entry] });
}

export function removeOrder(book: TokenBook, side: Side, price: bigint, orderId: string): void {
  const levels = restingSide(book, side);
  const at = levels.findIndex((level) => level.price === price);
  const level = levels[at];
  if (!level) return;
  level.entries = level.entries.filter((entry) => entry.orderId !== orderId);
  if (level.entries.length === 0) levels.splice(at, 1);
}

/** Replaces the house liquidity of one side and keeps every user order where it was. */
export function replaceHouse(book: TokenBook, side: Side, house: readonly LevelInput[]): void {
  const levels = restingSide(book, side);
  for (const level of levels) level.entries = level.entries.filter((entry) => entry.orderId !== null);
  const kept = levels.filter((level) => level.entries.length > 0);
  levels.length = 0;
  levels.push(...kept);
  for (const { price, size } of house) {
    if (size > 0n) addEntry(book, side, price, { orderId: null, owner: null, size });
  }
}

export function levelSize(level: Level): bigint {
  let total = 0n;
  for (const entry of level.entries) total += entry.size;
  return total;
}

/** price -> aggregate size, the view the wire and the WebSocket diffs are built from. */
export function aggregate(levels: readonly Level[]): Map<bigint, bigint> {
  const sizes = new Map<bigint, bigint>();
  for (const level of levels) sizes.set(level.price, levelSize(level));
  return sizes;
}

export function bestPrice(levels: readonly Level[]): bigint | null {
  return levels.at(-1)?.price ?? null;
}

export function wireLevels(levels: readonly Level[]): { price: string; size: string }[] {
  return levels.map((level) => ({ price: formatMicros(level.price), size: formatMicros(levelSize(level)) }));
}
