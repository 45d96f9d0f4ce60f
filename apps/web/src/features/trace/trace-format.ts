import { toScaled } from "../../lib/money.ts";

/** A 0-1 confidence as a percentage, exactly: "0.7" → "70%", "0.655" → "65.5%". */
export function confidencePercent(confidence: string): string {
  const { units } = toScaled(confidence, 4);
  const whole = units / 100n;
  const fraction = (units % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return `${whole}${fraction ? `.${fraction}` : ""}%`;
}

/**
 * Slippage in basis points against the best price at decision time, in words as well as a sign: positive
 * is worse for the trader. "12.5" → "12.5 bps worse", "-3" → "3 bps better", "0" → "none".
 */
export function slippageWords(bps: string | null): string {
  if (bps === null) return "—";
  const { negative, units } = toScaled(bps, 2);
  if (units === 0n) return "none";
  const whole = units / 100n;
  const fraction = (units % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return `${whole}${fraction ? `.${fraction}` : ""} bps ${negative ? "better" : "worse"}`;
}

/** The price a fill is measured against: the best ask for a buy, the best bid for a sell, as the bot saw it. */
export function referencePrice(
  side: "BUY" | "SELL",
  market: { readonly bid: { readonly best: string | null }; readonly ask: { readonly best: string | null } },
): string | null {
  return side === "BUY" ? market.ask.best : market.bid.best;
}
