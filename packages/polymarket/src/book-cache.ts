import { type BookLevel, type Price, price, type Shares } from "@open-trade/risk-engine";
import type { TokenBook, TokenId } from "./market-data.ts";
import type { WsBookEvent, WsPriceChangeEvent } from "./wire/ws-market-event.ts";

interface LiveBook {
  readonly conditionId: string;
  readonly bids: Map<bigint, Shares>;
  readonly asks: Map<bigint, Shares>;
  tickSize: Price;
  minOrderSize: Shares;
  timestamp: number;
  hash: string;
  /** Memoised wire-order snapshot; dropped on every change so reads never see a half-applied event. */
  snapshot: TokenBook | null;
}

// The CLOB's default tick between 0.04 and 0.96; used only if a `book` event omits tick_size and none is known.
const DEFAULT_TICK = price("0.01");

function toLevels(side: Map<bigint, Shares>, ascending: boolean): BookLevel[] {
  const levels: BookLevel[] = [];
  for (const [p, size] of side) levels.push({ price: p as Price, size });
  levels.sort((a, b) => (a.price < b.price ? (ascending ? -1 : 1) : ascending ? 1 : -1));
  return levels;
}

/**
 * Order books kept from the market channel: `book` replaces a token's book, `price_change` sets one level's
 * aggregate size. A token is served only while its book is known to be complete: before the first `book`
 * and after a disconnect (until the next `book`), `get` answers undefined rather than a stale book.
 */
export class BookCache {
  readonly #books = new Map<TokenId, LiveBook>();

  applyBook(event: WsBookEvent): void {
    const previous = this.#books.get(event.asset_id);
    const toMap = (levels: readonly BookLevel[]) => {
      const map = new Map<bigint, Shares>();
      for (const level of levels) if (level.size > 0n) map.set(level.price, level.size);
      return map;
    };
    this.#books.set(event.asset_id, {
      conditionId: event.market,
      bids: toMap(event.bids),
      asks: toMap(event.asks),
      tickSize: event.tick_size ?? previous?.tickSize ?? DEFAULT_TICK,
      minOrderSize: event.min_order_size ?? previous?.minOrderSize ?? (0n as Shares),
      timestamp: event.timestamp,
      hash: event.hash,
      snapshot: null,
    });
  }

  /** Returns the token ids whose book changed; changes for tokens without a complete book are ignored. */
  applyPriceChange(event: WsPriceChangeEvent): TokenId[] {
    const touched: TokenId[] = [];
    for (const change of event.price_changes) {
      const book = this.#books.get(change.asset_id);
      if (!book) continue;
      const side = change.side === "BUY" ? book.bids : book.asks;
      if (change.size === 0n) side.delete(change.price);
      else side.set(change.price, change.size);
      book.timestamp = event.timestamp;
      if (change.hash) book.hash = change.hash;
      book.snapshot = null;
      touched.push(change.asset_id);
    }
    return touched;
  }

  applyTickSize(tokenId: TokenId, tickSize: Price): void {
    const book = this.#books.get(tokenId);
    if (!book) return;
    book.tickSize = tickSize;
    book.snapshot = null;
  }

  /** After a disconnect, events may have been missed: forget the books until fresh snapshots arrive. */
  invalidate(tokenIds?: readonly TokenId[]): void {
    if (tokenIds === undefined) this.#books.clear();
    else for (const tokenId of tokenIds) this.#books.delete(tokenId);
  }

  has(tokenId: TokenId): boolean {
    return this.#books.has(tokenId);
  }

  get(tokenId: TokenId): TokenBook | undefined {
    const book = this.#books.get(tokenId);
    if (!book) return undefined;
    book.snapshot ??= {
      tokenId,
      conditionId: book.conditionId,
      timestamp: book.timestamp,
      hash: book.hash,
      bids: toLevels(book.bids, true),
      asks: toLevels(book.asks, false),
      tickSize: book.tickSize,
      minOrderSize: book.minOrderSize,
    };
    return book.snapshot;
  }
}
