import type { EvaluationSummary } from "../evaluation/summary.ts";
import { applyEvaluation, type BotRow, type KnownBot, rowForKnownBot } from "./bot-board.ts";
import { formatEventLine } from "./format-event-line.ts";
import { renderBoard } from "./render-board.ts";
import { clock, modeAndStatus, printable } from "./text-cells.ts";

export interface ViewOutput {
  write(text: string): void;
  readonly isTTY: boolean;
  /** Terminal width; read on every redraw so a resize takes effect. */
  columns(): number;
}

export interface TerminalViewOptions {
  readonly out: ViewOutput;
  readonly marketData: string;
  readonly notices?: readonly string[];
  readonly now?: () => Date;
  /** How often a TTY board refreshes its clock when nothing happens (ms). */
  readonly refreshMs?: number;
}

export interface TerminalView {
  /** Bots to list before their first evaluation. */
  addBots(bots: readonly KnownBot[]): void;
  onEvaluation(event: EvaluationSummary): void;
  /** A one-off message (start, stop); on a TTY it becomes a notice line. */
  announce(message: string): void;
  start(): void;
  /** Draws a last time and stops refreshing. */
  stop(): void;
  rows(): BotRow[];
}

const knownBotLine = (row: BotRow) =>
  printable(
    `- ${row.botName} (${modeAndStatus(row.mode, row.status)}): ${row.lastOutcome}${row.lastAt ? ` ${clock(row.lastAt)}` : ""} ${row.lastReason}`,
  );

const CLEAR_BELOW = "\x1b[J";
const up = (lines: number) => (lines > 0 ? `\x1b[${lines}F` : "\r");

/**
 * On a TTY, a board redrawn in place (moving the cursor up over the previous one); otherwise one line per
 * evaluation, so `pnpm start | tee` and CI logs read naturally.
 */
export function createTerminalView(options: TerminalViewOptions): TerminalView {
  const now = options.now ?? (() => new Date());
  const rows = new Map<string, BotRow>();
  const notices = [...(options.notices ?? [])];
  let drawnLines = 0;
  let timer: NodeJS.Timeout | undefined;

  const draw = () => {
    if (!options.out.isTTY) return;
    const lines = renderBoard(
      [...rows.values()],
      { marketData: options.marketData, notices, now: now() },
      Math.max(40, options.out.columns()),
    );
    options.out.write(`${up(drawnLines)}${CLEAR_BELOW}${lines.join("\n")}\n`);
    drawnLines = lines.length;
  };

  return {
    addBots(bots) {
      for (const bot of bots) if (!rows.has(bot.botId)) rows.set(bot.botId, rowForKnownBot(bot));
      draw();
    },
    onEvaluation(event) {
      const at = now();
      rows.set(event.botId, applyEvaluation(rows.get(event.botId), event, at));
      if (options.out.isTTY) draw();
      else options.out.write(`${formatEventLine(event, at)}\n`);
    },
    announce(message) {
      if (options.out.isTTY) {
        notices.push(message);
        draw();
      } else options.out.write(`${message}\n`);
    },
    start() {
      if (!options.out.isTTY) {
        options.out.write(`Open Trade runner · market data: ${options.marketData}\n`);
        for (const notice of notices) options.out.write(`! ${notice}\n`);
        for (const row of rows.values()) options.out.write(`${knownBotLine(row)}\n`);
        return;
      }
      draw();
      timer = setInterval(draw, options.refreshMs ?? 1_000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      draw();
    },
    rows: () => [...rows.values()],
  };
}
