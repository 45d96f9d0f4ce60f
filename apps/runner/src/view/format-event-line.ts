import type { EvaluationSummary } from "../evaluation/summary.ts";
import { clock, modeAndStatus, printable, signed } from "./text-cells.ts";

/** One line per evaluation for logs and pipes (no TTY): time, bot, outcome, the fill if any, PnL, reason. */
export function formatEventLine(e: EvaluationSummary, at: Date): string {
  const fill = e.fill
    ? ` ${e.fill.side} ${e.fill.shares} @ ${e.fill.price} (${e.fill.usd} USD) in ${printable(e.fill.marketId)}`
    : "";
  const denied = e.denialCodes.length > 0 ? ` [${e.denialCodes.join(",")}]` : "";
  return [
    `${clock(at)} ${printable(e.botName)} (${modeAndStatus(e.mode, e.status)}, ${e.tradingState})`,
    `${e.outcome}${fill}${denied}`,
    `pnl today ${signed(e.pnlTodayUsd)} USD`,
    `${e.durationMs} ms`,
    printable(e.reason),
  ].join(" | ");
}
