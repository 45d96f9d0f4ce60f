import { deny } from "../denial.ts";
import type { RiskCheck } from "./risk-check.ts";

const MINUTE_MS = 60_000;

/** Orders in the sliding window (now - 60 s, now]; one more must still fit under the limit. */
export const checkOrderRate: RiskCheck = (_order, snapshot, limits, now) => {
  let ordersLastMinute = 0;
  for (const at of snapshot.recentOrderTimes) if (at > now - MINUTE_MS && at <= now) ordersLastMinute++;
  return ordersLastMinute < limits.maxOrdersPerMinute
    ? null
    : deny("ORDER_RATE_EXCEEDED", { ordersLastMinute, maxOrdersPerMinute: limits.maxOrdersPerMinute });
};

export const checkTradesPerDay: RiskCheck = (_order, snapshot, limits) =>
  snapshot.tradesToday < limits.maxTradesPerDay
    ? null
    : deny("MAX_TRADES_PER_DAY_REACHED", {
        tradesToday: snapshot.tradesToday,
        maxTradesPerDay: limits.maxTradesPerDay,
      });

/** Only a BUY into a market the bot is not in yet opens a new one. */
export const checkConcurrentMarkets: RiskCheck = ({ intent, exposure }, _snapshot, limits) =>
  intent.side === "SELL" || exposure.inMarket || exposure.openMarkets < limits.maxConcurrentMarkets
    ? null
    : deny("MAX_CONCURRENT_MARKETS_REACHED", {
        openMarkets: exposure.openMarkets,
        maxConcurrentMarkets: limits.maxConcurrentMarkets,
      });
