export { createHttpMarketData, type HttpMarketDataOptions } from "./http-market-data.ts";
export * from "./market-data.ts";
export { matchesFilter } from "./market-filter.ts";
export { POLYMARKET_ERROR_CODES, PolymarketError, type PolymarketErrorCode } from "./polymarket-error.ts";
