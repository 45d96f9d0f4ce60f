import { toScaled } from "../../lib/money.ts";

/**
 * P/L as a percentage of what the position cost, as a decimal string with two places ("12.5", "-3.25");
 * null when nothing was paid (a cost of zero has no return). Exact: bigint micro-units, half away from zero.
 */
export function returnPercent(pnlUsd: string, costUsd: string): string | null {
  const cost = toScaled(costUsd, 6);
  if (cost.units === 0n || cost.negative) return null;
  const pnl = toScaled(pnlUsd, 6);
  // Hundredths of a percent: pnl / cost × 100 × 100, rounded half away from zero.
  const scaled = pnl.units * 10_000n;
  const hundredths = (scaled * 2n + cost.units) / (2n * cost.units);
  const whole = hundredths / 100n;
  const fraction = (hundredths % 100n).toString().padStart(2, "0");
  const sign = pnl.negative && hundredths !== 0n ? "-" : "";
  return `${sign}${whole}.${fraction}`;
}

/** A position is closed when it holds no shares or its market no longer trades (resolved). */
export function isClosed(sharesHeld: string, marketClosed: boolean | undefined): boolean {
  return marketClosed === true || toScaled(sharesHeld, 6).units === 0n;
}
