import {
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
 * A market BUY spends whole cents, so its size is cut further, to the largest whose cost at the limit is a
 * whole number of cents: its implied price (maker / taker) is then exactly the limit. Any other size would
 * imply a price below the limit, which the book's best ask at the limit could not fill.
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
  if (request.postOnly && !resting)
    return invalid("postOnly applies to resting orders only (GTC or GTD); drop it or use GTC.");
  if (shares === 0n || (resting && shares < rules.minOrderSize)) {
    return invalid(
      `The size ${formatShares(request.shares)} is below this market's minimum of ${formatShares(resting ? rules.minOrderSize : (SIZE_STEP as Shares))} shares; increase it.`,
    );
  }
  const usd = (shares * price) / MICROS;
  if (request.side === "SELL")
    return { ok: true, value: { price, shares, makerAmount: shares, takerAmount: usd } };
  if (resting) return { ok: true, value: { price, shares, makerAmount: usd, takerAmount: shares } };
  const step = centStep(price);
  const bought = ((shares / step) * step) as Shares;
  if (bought === 0n)
    return invalid(
      `At ${formatPrice(price)} a market buy must be a multiple of ${formatShares(step as Shares)} shares to cost whole cents; increase the size.`,
    );
  const spend = (bought * price) / MICROS;
  return { ok: true, value: { price, shares: bought, makerAmount: spend, takerAmount: bought } };
}

/** The smallest 2-decimal share step whose cost at `price` is a whole number of cents (micro-shares). */
function centStep(price: Price): bigint {
  // shares * price must be a multiple of 10^10 (cents in micro-shares x micro-USD); with shares = 10^4 k
  // that is k * price = 0 mod 10^6, whose least k is 10^6 / gcd(price, 10^6).
  return SIZE_STEP * (MICROS / gcd(price, MICROS));
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}
