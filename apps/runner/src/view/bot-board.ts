import { formatUsd, usd, usdMicros } from "@open-trade/risk-engine";
import type { EvaluationSummary } from "../evaluation/summary.ts";

export interface BotRow {
  readonly botId: string;
  readonly botName: string;
  readonly mode: string;
  readonly status: string;
  readonly tradingState: string;
  readonly evaluations: number;
  readonly fills: number;
  /** Decimal string, exact. */
  readonly pnlTodayUsd: string;
  readonly lastOutcome: string;
  readonly lastReason: string;
  readonly lastAt: Date | null;
}

/** A bot known before its first evaluation in this process (read from the database at start). */
export interface KnownBot {
  readonly botId: string;
  readonly botName: string;
  readonly mode: string;
  readonly status: string;
  /** The bot's latest stored evaluation, so a restarted runner shows where each bot stood. */
  readonly last?: {
    readonly outcome: string;
    readonly reason: string;
    readonly at: Date;
    readonly tradingState: string;
  };
}

export function rowForKnownBot(bot: KnownBot): BotRow {
  return {
    botId: bot.botId,
    botName: bot.botName,
    mode: bot.mode,
    status: bot.status,
    tradingState: bot.last?.tradingState ?? "-",
    evaluations: 0,
    fills: 0,
    pnlTodayUsd: "0",
    lastOutcome: bot.last ? `(${bot.last.outcome})` : "waiting",
    lastReason: bot.last ? `before this start: ${bot.last.reason}` : "not evaluated yet",
    lastAt: bot.last?.at ?? null,
  };
}

/** Folds one evaluation into its bot's row; counts are for this process, PnL is the runner's figure for today. */
export function applyEvaluation(row: BotRow | undefined, e: EvaluationSummary, at: Date): BotRow {
  const reason = e.denialCodes.length > 0 ? `${e.denialCodes.join(",")}: ${e.reason}` : e.reason;
  return {
    botId: e.botId,
    botName: e.botName,
    mode: e.mode,
    status: e.status,
    tradingState: e.tradingState,
    evaluations: (row?.evaluations ?? 0) + 1,
    fills: (row?.fills ?? 0) + (e.fill ? 1 : 0),
    pnlTodayUsd: e.pnlTodayUsd,
    lastOutcome: e.outcome,
    lastReason: reason,
    lastAt: at,
  };
}

/** Exact sum of the rows' PnL (decimal strings through the risk engine's micro-USD, never a float). */
export function totalPnl(rows: readonly BotRow[]): string {
  return formatUsd(usdMicros(rows.reduce((sum, row) => sum + usd(row.pnlTodayUsd), 0n)));
}
