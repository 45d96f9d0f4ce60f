import { deny } from "../denial.ts";
import { type MeasuredCheck, reading } from "./risk-check.ts";

const MINUTE_MS = 60_000;

/** Orders in the sliding window (now - 60 s, now]; one more must still fit under the limit. */
export const checkOrderRate: MeasuredCheck = (_order, snapshot, limits, now) => {
  let ordersLastMinute = 0;
  for (const at of snapshot.recentOrderTimes) if (at > now - MINUTE_MS && at <= now) ordersLastMinute++;
  const max = limits.maxOrdersPerMinute;
  const denial =
    ordersLastMinute < max
      ? null
      : deny("ORDER_RATE_EXCEEDED", { ordersLastMinute, maxOrdersPerMinute: max });
  return reading(max, ordersLastMinute, denial);
};

/** Trades made today before this order; one more must still fit under the limit. */
export const checkTradesPerDay: MeasuredCheck = (_order, snapshot, limits) => {
  const { tradesToday } = snapshot;
  const max = limits.maxTradesPerDay;
  const denial =
    tradesToday < max ? null : deny("MAX_TRADES_PER_DAY_REACHED", { tradesToday, maxTradesPerDay: max });
  return reading(max, tradesToday, denial);
};

/** A BUY only; only a BUY into a market the bot is not in yet opens a new one. */
export const checkConcurrentMarkets: MeasuredCheck = ({ intent, exposure }, _snapshot, limits) => {
  if (intent.side === "SELL") return null;
  const max = limits.maxConcurrentMarkets;
  const { openMarkets } = exposure;
  const denial =
    exposure.inMarket || openMarkets < max
      ? null
      : deny("MAX_CONCURRENT_MARKETS_REACHED", { openMarkets, maxConcurrentMarkets: max });
  return reading(max, openMarkets, denial);
};
