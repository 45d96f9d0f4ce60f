import { sumDecimals } from "../../lib/money.ts";

interface BotToday {
  readonly mode: "paper" | "live";
  readonly pnlTodayUsd: string;
  readonly llmSpendTodayUsd: string;
}
interface OpenPosition {
  readonly mode: "paper" | "live";
  readonly costBasisUsd: string;
}

/** One mode's totals, summed exactly; the other mode's bots and positions are left out, never mixed in. */
export function modeTotals(
  bots: readonly BotToday[],
  positions: readonly OpenPosition[],
  mode: "paper" | "live",
) {
  const mine = bots.filter((b) => b.mode === mode);
  const held = positions.filter((p) => p.mode === mode);
  return {
    pnlTodayUsd: sumDecimals(mine.map((b) => b.pnlTodayUsd)),
    llmSpendTodayUsd: sumDecimals(mine.map((b) => b.llmSpendTodayUsd)),
    openPositions: held.length,
    exposureUsd: sumDecimals(held.map((p) => p.costBasisUsd)),
    rangePnl: (days: readonly { realizedPnlUsd: string }[]) => sumDecimals(days.map((d) => d.realizedPnlUsd)),
  };
}
