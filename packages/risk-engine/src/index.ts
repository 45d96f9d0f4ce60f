export type { BookLevel, FeeSchedule, OrderBook } from "./book/order-book.ts";
export { slippageLimitPrice } from "./book/slippage-limit-price.ts";
export { type BookWalk, type WalkRequest, walkBook } from "./book/walk-book.ts";
export { applyBpsFloor, type Bps, percentToBps } from "./money/basis-points.ts";
export { divCeil, divFloor } from "./money/divide.ts";
export { formatMicros, formatPrice, formatShares, formatUsd } from "./money/format-money.ts";
export { MONEY_ERROR_CODES, MoneyError, type MoneyErrorCode } from "./money/money-error.ts";
export { notional, type Rounding, sharesFor } from "./money/notional.ts";
export { price, shares, usd } from "./money/parse-money.ts";
export { isOnTick, roundLimitToTick } from "./money/tick.ts";
export {
  MICROS,
  type Price,
  priceMicros,
  type Shares,
  type Side,
  sharesMicros,
  type Usd,
  usdMicros,
} from "./money/units.ts";
