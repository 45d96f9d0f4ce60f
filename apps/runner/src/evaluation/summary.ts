import { formatPrice, formatShares, formatUsd, notional, type Usd } from "@open-trade/risk-engine";
import type { BotState } from "./bot-state.ts";
import type { Outcome, OutcomeCode, OutcomeKind, TradingState } from "./outcome.ts";

/** One evaluation as the terminal view, the metrics and the API's "run now" see it. Money as decimal strings. */
export interface EvaluationSummary {
  readonly botId: string;
  readonly botName: string;
  readonly outcome: OutcomeKind;
  readonly reason: string;
  readonly denialCodes: readonly OutcomeCode[];
  readonly mode: "paper" | "live";
  readonly status: string;
  readonly tradingState: TradingState;
  readonly fill?: {
    readonly marketId: string;
    readonly side: "BUY" | "SELL";
    readonly shares: string;
    readonly price: string;
    readonly usd: string;
  };
  readonly pnlTodayUsd: string;
  readonly durationMs: number;
}

/** The summary of an evaluation that was recorded. */
export function summaryOf(
  state: BotState,
  result: Outcome,
  status: string,
  pnlToday: Usd,
  durationMs: number,
): EvaluationSummary {
  const { fill } = result;
  return {
    botId: state.id,
    botName: state.name,
    outcome: result.kind,
    reason: result.reason,
    denialCodes: result.codes,
    mode: state.mode,
    status,
    tradingState: result.tradingState,
    ...(fill
      ? {
          fill: {
            marketId: fill.marketId,
            side: fill.side,
            shares: formatShares(fill.shares),
            price: formatPrice(fill.price),
            usd: formatUsd(notional(fill.shares, fill.price, fill.side === "BUY" ? "up" : "down")),
          },
        }
      : {}),
    pnlTodayUsd: formatUsd(pnlToday),
    durationMs: Math.round(durationMs),
  };
}
