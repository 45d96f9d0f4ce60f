import { MoneyError, type Price, price, type Shares, shares, type Usd, usd } from "@open-trade/risk-engine";
import { z } from "zod";

/**
 * Polymarket sends most decimals as strings but some (tick sizes, Gamma's bestBid, /clob-markets `mts`) as
 * JSON numbers. JSON.parse has already made those floats; `String(n)` gives back the shortest decimal that
 * round-trips, which is the text the server wrote for any value with at most 15 significant digits. The
 * exact parser then takes over, and an exponent form ("1e-7") is refused rather than guessed at.
 */
const decimalText = z
  .union([z.string(), z.number().refine(Number.isFinite, "not a finite number")])
  .transform(String);

function exact<T>(parse: (text: string) => T) {
  return decimalText.transform((text, ctx): T => {
    try {
      return parse(text);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      ctx.addIssue({ code: "custom", message: `${error.code}: ${error.message}` });
      return z.NEVER;
    }
  });
}

export const priceField = exact<Price>(price);
export const sharesField = exact<Shares>(shares);
export const usdField = exact<Usd>(usd);

/**
 * Aggregates such as Gamma's liquidity and volume are informational (used for filtering, never traded)
 * and arrive with arbitrary precision, so they are truncated to micro-USD instead of being refused.
 */
export const usdAggregateField = exact<Usd>((text) => {
  const [whole, fraction] = text.split(".");
  return usd(fraction === undefined ? text : `${whole}.${fraction.slice(0, 6)}`);
});

/** Absent optional decimals come as "" on current Polymarket payloads; treat them as missing. */
export const optionalPriceField = z
  .union([z.literal(""), z.null(), priceField])
  .optional()
  .transform((value) => (value === "" || value === null || value === undefined ? null : value));
