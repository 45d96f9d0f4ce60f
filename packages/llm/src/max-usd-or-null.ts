import type { Usd } from "@open-trade/risk-engine";

/** The larger of two optional floors; null means "no floor". Bigints, so Math.max does not apply. */
export function maxUsdOrNull(a: Usd | null, b: Usd | null): Usd | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
