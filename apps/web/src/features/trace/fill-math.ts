import { formatUsd as formatMicrosUsd, notional, price, shares } from "@open-trade/risk-engine";
import { toScaled } from "../../lib/money.ts";

/** Exact cost of a fill (shares × price), as a decimal string; computed with the risk engine's bigint helpers. */
export function fillNotional(size: string, fillPrice: string): string {
  return formatMicrosUsd(notional(shares(size), price(fillPrice), "up"));
}

/**
 * Slippage of a fill against the price the decision intended, in cents per share: positive is worse for
 * the trader (paid more on a buy, received less on a sell). Null without an intended price.
 */
export function slippageCents(
  side: "buy" | "sell",
  fillPrice: string,
  intended: string | null,
): string | null {
  if (intended === null) return null;
  const diff = toScaled(fillPrice, 6).units - toScaled(intended, 6).units;
  const worse = side === "buy" ? diff : -diff;
  const negative = worse < 0n;
  const tenthsOfCent = ((negative ? -worse : worse) + 500n) / 1000n;
  const text = `${tenthsOfCent / 10n}${tenthsOfCent % 10n === 0n ? "" : `.${tenthsOfCent % 10n}`}¢`;
  return tenthsOfCent === 0n ? "0¢" : `${negative ? "-" : "+"}${text}`;
}
