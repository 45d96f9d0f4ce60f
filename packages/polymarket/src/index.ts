export { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from "./backoff.ts";
export { BookCache } from "./book-cache.ts";
export { createHttpMarketData, type HttpMarketDataOptions } from "./http-market-data.ts";
export * from "./market-data.ts";
export { createMarketFeed, type FeedStatus, type MarketFeed, type MarketFeedOptions } from "./market-feed.ts";
export { matchesFilter } from "./market-filter.ts";
export { POLYMARKET_ERROR_CODES, PolymarketError, type PolymarketErrorCode } from "./polymarket-error.ts";
export type { WsBookEvent, WsMarketEvent, WsPriceChangeEvent } from "./wire/ws-market-event.ts";
