import { formatUsd, usedPercent } from "./money.ts";

/** "$0.35 of $1.00 (35%)": a limit's use in words and numbers, so a meter never speaks by colour alone. */
export function usedLine(used: string, limit: string | null, decimals = 2): string {
  if (limit === null) return `${formatUsd(used, { decimals })} of no limit`;
  const pct = usedPercent(used, limit);
  return `${formatUsd(used, { decimals })} of ${formatUsd(limit, { decimals })}${pct === null ? "" : ` (${pct}%)`}`;
}

/** "7 of 20 (35%)" for counts. */
export function countLine(used: number, limit: number): string {
  const pct = usedPercent(String(used), String(limit));
  return `${used} of ${limit}${pct === null ? "" : ` (${pct}%)`}`;
}
