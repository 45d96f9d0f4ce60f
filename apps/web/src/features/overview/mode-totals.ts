import { sumDecimals } from "../../lib/money.ts";

interface BotToday {
  readonly mode: "paper" | "live";
  readonly pnlTodayUsd: string;
}
interface OpenPosition {
  readonly mode: "paper" | "live";
}

/**
 * One mode's PnL and open positions, summed exactly; the other mode's bots and positions are left out, never
 * mixed in. Limits used today come from the API's `stats.overview`.
 */
export function modeTotals(
  bots: readonly BotToday[],
  positions: readonly OpenPosition[],
  mode: "paper" | "live",
) {
  const mine = bots.filter((b) => b.mode === mode);
  const held = positions.filter((p) => p.mode === mode);
  return {
    pnlTodayUsd: sumDecimals(mine.map((b) => b.pnlTodayUsd)),
    openPositions: held.length,
    rangePnl: (days: readonly { realizedPnlUsd: string }[]) => sumDecimals(days.map((d) => d.realizedPnlUsd)),
  };
}
