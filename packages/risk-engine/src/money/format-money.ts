import type { Price, Shares, Usd } from "./units.ts";

/** Shortest exact decimal string of a micro-unit count: 12_500_000n -> "12.5", -3_000_000n -> "-3". */
export function formatMicros(micros: bigint): string {
  const negative = micros < 0n;
  const digits = (negative ? -micros : micros).toString().padStart(7, "0");
  const whole = digits.slice(0, -6);
  const fraction = digits.slice(-6).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

export const formatUsd = (amount: Usd): string => formatMicros(amount);
export const formatPrice = (value: Price): string => formatMicros(value);
export const formatShares = (quantity: Shares): string => formatMicros(quantity);

/** Exact decimal string with all 6 decimals of a micro-unit count: 50_000_000n -> "50.000000". */
export function formatMicrosFixed(micros: bigint): string {
  const negative = micros < 0n;
  const digits = (negative ? -micros : micros).toString().padStart(7, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -6)}.${digits.slice(-6)}`;
}
