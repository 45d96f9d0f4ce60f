export type { BookInput } from "./exchange-core.ts";
export type { FaultSpec, RequestMatch } from "./faults.ts";
export type { MarketSpec } from "./market-factory.ts";
export {
  type StandInExchange,
  type StandInMarket,
  type StandInOptions,
  startStandInExchange,
} from "./start-stand-in-exchange.ts";
export { MARKET_CHANNEL_PATH } from "./ws-market-channel.ts";
