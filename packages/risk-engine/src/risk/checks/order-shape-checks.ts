import { MICROS } from "../../money/units.ts";
import { deny } from "../denial.ts";
import { floorToLot } from "../price-order.ts";
import type { RiskCheck } from "./risk-check.ts";

export const checkLimitPriceRange: RiskCheck = ({ intent }) => {
  const limit = intent.limitPrice;
  return limit === undefined || (limit > 0n && limit < MICROS)
    ? null
    : deny("INVALID_LIMIT_PRICE", { limitPrice: limit });
};

export const checkTick: RiskCheck = ({ intent, market }) => {
  const limit = intent.limitPrice;
  const tickSize = market?.book.tickSize;
  if (limit === undefined || tickSize === undefined || limit <= 0n || limit >= MICROS) return null;
  return tickSize > 0n && limit % tickSize === 0n
    ? null
    : deny("PRICE_OFF_TICK", { limitPrice: limit, tickSize });
};

export const checkSizePositive: RiskCheck = ({ intent }) =>
  intent.shares > 0n ? null : deny("SIZE_NOT_POSITIVE", { shares: intent.shares });

export const checkMinimumSize: RiskCheck = ({ intent, market }) => {
  const minimum = market?.book.minOrderSize;
  if (minimum === undefined || intent.shares <= 0n || intent.shares >= minimum) return null;
  return deny("SIZE_BELOW_MINIMUM", { shares: intent.shares, minimum });
};

export const checkPositionHeld: RiskCheck = ({ intent, exposure }) => {
  if (intent.side !== "SELL" || intent.shares <= exposure.held) return null;
  return deny("INSUFFICIENT_POSITION", {
    requested: intent.shares,
    held: exposure.held,
    maxShares: floorToLot(exposure.held),
  });
};
