export { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from "./backoff.ts";
export { BookCache } from "./book-cache.ts";
export {
  type ApiCredentials,
  createLiveExecution,
  type LiveExecutionOptions,
  type LiveSecrets,
} from "./clob-live-execution.ts";
export * from "./execution.ts";
export { createHttpMarketData, type HttpMarketDataOptions } from "./http-market-data.ts";
export { type ClobReply, classifyClobFailure } from "./live-failure.ts";
export * from "./market-data.ts";
export { createMarketFeed, type FeedStatus, type MarketFeed, type MarketFeedOptions } from "./market-feed.ts";
export { matchesFilter } from "./market-filter.ts";
export { type MarketRules, type OrderAmounts, orderAmounts } from "./order-amounts.ts";
export { EXCHANGE_V2, NEG_RISK_EXCHANGE_V2, orderHash, type UnsignedOrderV2 } from "./order-typed-data.ts";
export { createPaperExecution, type PaperExecution, type PaperExecutionOptions } from "./paper-execution.ts";
export { POLYMARKET_ERROR_CODES, PolymarketError, type PolymarketErrorCode } from "./polymarket-error.ts";
export * from "./stand-in/index.ts";
export type { WsBookEvent, WsMarketEvent, WsPriceChangeEvent } from "./wire/ws-market-event.ts";
