import {
  divCeil,
  formatPrice,
  formatShares,
  MICROS,
  type Price,
  roundLimitToTick,
  type Shares,
} from "@open-trade/risk-engine";
import type { ExecutionFailure, OrderRequest } from "./execution.ts";

/** The CLOB accepts share sizes with at most 2 decimals. */
const SIZE_STEP = 10_000n;
/** Market (FOK/FAK) buys spend whole cents and receive at most 4-decimal share amounts. */
const CENT = 10_000n;
const SHARE_4DP = 100n;

export interface OrderAmounts {
  readonly price: Price;
  readonly shares: Shares;
  /** Base units (6 decimals) as signed: what the maker gives and the least it receives. */
  readonly makerAmount: bigint;
  readonly takerAmount: bigint;
}

export interface MarketRules {
  readonly tickSize: Price;
  readonly minOrderSize: Shares;
}

const invalid = (message: string): { ok: false; failure: ExecutionFailure } => ({
  ok: false,
  failure: { code: "INVALID_ORDER", message },
});

/**
 * Exact signed amounts for an order, with the same rounding the official client applies but in integers:
 * the limit moves onto the tick only in the safe direction and the size is cut (never raised) to 2 decimals.
 * A market BUY is expressed as whole cents to spend and the shares rounded up, so its implied price
 * (maker / taker) never exceeds the limit.
 */
export function orderAmounts(
  request: OrderRequest,
  rules: MarketRules,
): { ok: true; value: OrderAmounts } | { ok: false; failure: ExecutionFailure } {
  const price = roundLimitToTick(request.limitPrice, rules.tickSize, request.side);
  if (price < rules.tickSize || price > MICROS - rules.tickSize) {
    return invalid(
      `The limit price ${formatPrice(request.limitPrice)} is outside ${formatPrice(rules.tickSize)}..${formatPrice((MICROS - rules.tickSize) as Price)} for this market's tick; choose a price inside that range.`,
    );
  }
  const shares = ((request.shares / SIZE_STEP) * SIZE_STEP) as Shares;
  const resting = request.type === "GTC" || request.type === "GTD";
  if (shares === 0n || (resting && shares < rules.minOrderSize)) {
    return invalid(
      `The size ${formatShares(request.shares)} is below this market's minimum of ${formatShares(resting ? rules.minOrderSize : (SIZE_STEP as Shares))} shares; increase it.`,
    );
  }
  const usd = (shares * price) / MICROS;
  if (request.side === "SELL")
    return { ok: true, value: { price, shares, makerAmount: shares, takerAmount: usd } };
  if (resting) return { ok: true, value: { price, shares, makerAmount: usd, takerAmount: shares } };
  const spend = (usd / CENT) * CENT;
  if (spend === 0n) return invalid("The order is worth less than one cent; increase the size.");
  const receive = divCeil(divCeil(spend * MICROS, price), SHARE_4DP) * SHARE_4DP;
  return { ok: true, value: { price, shares, makerAmount: spend, takerAmount: receive } };
}
