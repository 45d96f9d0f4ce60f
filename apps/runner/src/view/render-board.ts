import { type BotRow, totalPnl } from "./bot-board.ts";
import { cell, clock, fit, signed } from "./text-cells.ts";

export interface BoardHeader {
  /** e.g. "SIMULATED markets (stand-in exchange)" or "Polymarket (real order books, paper trading)". */
  readonly marketData: string;
  readonly notices: readonly string[];
  readonly now: Date;
}

const COLUMNS = [
  ["BOT", 24, "left"],
  ["MODE", 5, "left"],
  ["STATUS", 12, "left"],
  ["STATE", 8, "left"],
  ["EVALS", 5, "right"],
  ["FILLS", 5, "right"],
  ["PNL TODAY", 11, "right"],
  ["LAST", 7, "left"],
] as const;
const FIXED = COLUMNS.reduce((sum, [, width]) => sum + width + 1, 0);

/** The whole screen as lines no wider than `width`, so a redraw can move up exactly that many lines. */
export function renderBoard(rows: readonly BotRow[], header: BoardHeader, width: number): string[] {
  const reasonWidth = Math.max(10, width - FIXED);
  const line = (values: readonly string[], reason: string) =>
    fit(
      `${COLUMNS.map(([, w, align], i) => cell(values[i] ?? "", w, align)).join(" ")} ${cell(reason, reasonWidth)}`,
      width,
    ).trimEnd();
  const evaluations = rows.reduce((n, r) => n + r.evaluations, 0);
  const fills = rows.reduce((n, r) => n + r.fills, 0);
  return [
    cell(
      `Open Trade runner · ${clock(header.now)} UTC · market data: ${header.marketData} · Ctrl-C stops`,
      width,
    ).trimEnd(),
    ...header.notices.map((n) => cell(`! ${n}`, width).trimEnd()),
    "",
    line(
      COLUMNS.map(([title]) => title),
      "REASON",
    ),
    ...rows.map((r) =>
      line(
        [
          r.botName,
          r.mode,
          r.status,
          r.tradingState,
          String(r.evaluations),
          String(r.fills),
          signed(r.pnlTodayUsd),
          r.lastOutcome,
        ],
        r.lastAt ? `${clock(r.lastAt)} ${r.lastReason}` : r.lastReason,
      ),
    ),
    "",
    cell(
      `${rows.length} bots · ${evaluations} evaluations · ${fills} fills since start · PnL today ${signed(totalPnl(rows))} USD`,
      width,
    ).trimEnd(),
  ];
}
