import type { MarketData } from "@open-trade/polymarket";

/**
 * Market data shared by every evaluation in a tick: lists, books and market parameters are fetched once
 * per `ttlMs` (concurrent callers share one request) instead of once per bot. Orders are never placed from
 * this cache alone: paper fills walk a fresh book and the exchange checks live orders against its own.
 */
export function cachedMarketData(inner: MarketData, ttlMs: number, now: () => number = Date.now): MarketData {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  const memo = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const hit = entries.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.value as Promise<T>;
    const value = load();
    entries.set(key, { at: now(), value });
    // A failure is not cached: the next caller asks again.
    value.catch(() => entries.delete(key));
    if (entries.size > 10_000) entries.clear();
    return value;
  };
  return {
    listMarkets: (filter) =>
      memo(`list:${JSON.stringify({ ...filter, now: undefined }, bigintSafe)}`, () =>
        inner.listMarkets(filter),
      ),
    getMarket: (id) => memo(`market:${id}`, () => inner.getMarket(id)),
    getOrderBook: (tokenId) => memo(`book:${tokenId}`, () => inner.getOrderBook(tokenId)),
    getOrderBooks: (tokenIds) => memo(`books:${tokenIds.join(",")}`, () => inner.getOrderBooks(tokenIds)),
    getQuote: (tokenId) => inner.getQuote(tokenId),
    getPriceHistory: (tokenId, range) => inner.getPriceHistory(tokenId, range),
    getMarketParams: (tokenId) => memo(`params:${tokenId}`, () => inner.getMarketParams(tokenId)),
    getResolution: (id) => inner.getResolution(id),
  };
}

const bigintSafe = (_key: string, value: unknown) => (typeof value === "bigint" ? value.toString() : value);
