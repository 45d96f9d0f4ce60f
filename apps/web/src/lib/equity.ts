import type { EquityPoint } from "../components/equity-chart.tsx";
import { sumDecimals } from "./money.ts";

/** Daily realized PnL → running total per day, summed exactly. */
export function toEquity(days: readonly { day: string; realizedPnlUsd: string }[]): EquityPoint[] {
  let total = "0";
  return days.map((d) => {
    total = sumDecimals([total, d.realizedPnlUsd]);
    return { day: d.day, equityUsd: total };
  });
}
