import { MICROS } from "../../money/units.ts";
import { deny } from "../denial.ts";
import { floorToLot } from "../price-order.ts";
import { type MeasuredCheck, reading } from "./risk-check.ts";

/** Applies only to an intent with its own limit price (the engine's slippage cap is always inside). */
export const checkLimitPriceRange: MeasuredCheck = ({ intent }) => {
  const limit = intent.limitPrice;
  if (limit === undefined) return null;
  const inside = limit > 0n && limit < MICROS;
  return reading(null, limit, inside ? null : deny("INVALID_LIMIT_PRICE", { limitPrice: limit }));
};

/** Limit: the tick size; value: the intent's own limit price. */
export const checkTick: MeasuredCheck = ({ intent, market }) => {
  const limit = intent.limitPrice;
  const tickSize = market?.book.tickSize;
  if (limit === undefined || tickSize === undefined || limit <= 0n || limit >= MICROS) return null;
  const onTick = tickSize > 0n && limit % tickSize === 0n;
  return reading(tickSize, limit, onTick ? null : deny("PRICE_OFF_TICK", { limitPrice: limit, tickSize }));
};

export const checkSizePositive: MeasuredCheck = ({ intent }) =>
  reading(
    null,
    intent.shares,
    intent.shares > 0n ? null : deny("SIZE_NOT_POSITIVE", { shares: intent.shares }),
  );

/** Limit: the market's minimum order size; value: the size asked. */
export const checkMinimumSize: MeasuredCheck = ({ intent, market }) => {
  const minimum = market?.book.minOrderSize;
  if (minimum === undefined || intent.shares <= 0n) return null;
  const denial =
    intent.shares >= minimum ? null : deny("SIZE_BELOW_MINIMUM", { shares: intent.shares, minimum });
  return reading(minimum, intent.shares, denial);
};

/** A SELL only. Limit: the shares held; value: the shares asked. */
export const checkPositionHeld: MeasuredCheck = ({ intent, exposure }) => {
  if (intent.side !== "SELL") return null;
  const denial =
    intent.shares <= exposure.held
      ? null
      : deny("INSUFFICIENT_POSITION", {
          requested: intent.shares,
          held: exposure.held,
          maxShares: floorToLot(exposure.held),
        });
  return reading(exposure.held, intent.shares, denial);
};
