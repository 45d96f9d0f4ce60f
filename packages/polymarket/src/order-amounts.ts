import {
  divCeil,
  formatPrice,
  formatShares,
  MICROS,
  notional,
  type Price,
  roundLimitToTick,
  type Shares,
} from "@open-trade/risk-engine";
import type { ExecutionFailure, OrderRequest } from "./execution.ts";

/** The CLOB accepts share sizes with at most 2 decimals. */
const SIZE_STEP = 10_000n;
/** A market BUY spends whole cents (the official client cuts its amount to 2 decimals). */
const CENT = 10_000n;

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
 * Exact signed amounts for an order, with the official client's rounding done in integers, except that
 * the limit moves onto the tick only in the safe direction (BUY down, SELL up) and the size is cut (never
 * raised) to 2 decimals. A market BUY (FOK/FAK) is sized like the client's market order: it spends the
 * cost of the asked shares at the limit, cut to whole cents, and receives at least that spend divided by
 * the limit, cut to the market's amount decimals.
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
  const resting = request.type === "GTC" || request.type === "GTD";
  if (request.postOnly && !resting)
    return invalid("postOnly applies to resting orders only (GTC or GTD); drop it or use GTC.");
  if (request.side === "BUY" && !resting) return marketBuy(request.shares, price, rules.tickSize);
  const shares = ((request.shares / SIZE_STEP) * SIZE_STEP) as Shares;
  if (shares === 0n || (resting && shares < rules.minOrderSize)) {
    return invalid(
      `The size ${formatShares(request.shares)} is below this market's minimum of ${formatShares(resting ? rules.minOrderSize : (SIZE_STEP as Shares))} shares; increase it.`,
    );
  }
  // 2 size decimals times the tick's decimals fit in 6: this product is exact.
  const usd = (shares * price) / MICROS;
  if (request.side === "SELL")
    return { ok: true, value: { price, shares, makerAmount: shares, takerAmount: usd } };
  return { ok: true, value: { price, shares, makerAmount: usd, takerAmount: shares } };
}

function marketBuy(
  asked: Shares,
  price: Price,
  tick: Price,
): { ok: true; value: OrderAmounts } | { ok: false; failure: ExecutionFailure } {
  // The cost is rounded up first, so asking for sharesFor($X) spends exactly $X when X is whole cents.
  const spend = (notional(asked, price, "up") / CENT) * CENT;
  if (spend === 0n) {
    return invalid(
      `${formatShares(asked)} shares at ${formatPrice(price)} cost less than one cent, the least a market buy can spend; increase the size.`,
    );
  }
  // The client rounds spend / price up at (amount decimals + 4), then down at the amount decimals.
  const unit = 10n ** BigInt(6 - amountDecimals(tick));
  const fine = divCeil(spend * MICROS * 10_000n, price * unit);
  const bought = ((fine / 10_000n) * unit) as Shares;
  return { ok: true, value: { price, shares: bought, makerAmount: spend, takerAmount: bought } };
}

/** Decimals of a USD amount at this tick: the tick's own decimals plus the 2 of a size. */
function amountDecimals(tick: Price): number {
  let decimals = 6;
  for (let rest: bigint = tick; rest % 10n === 0n && decimals > 0; rest /= 10n) decimals -= 1;
  return Math.min(decimals + 2, 6);
}
