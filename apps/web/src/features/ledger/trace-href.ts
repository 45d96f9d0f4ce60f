import type { LedgerTrade } from "./visible-trades.ts";

/**
 * Where a fill's decision trace is: straight at its evaluation, or, for rows recorded without one (before
 * trade_logs.evaluation_id, or by reconciliation), /fill-trace, which finds the evaluation by the fill's time.
 */
export function traceHrefOf(t: LedgerTrade): string {
  if (t.evaluationId) return `/evaluations/${encodeURIComponent(t.evaluationId)}`;
  return `/fill-trace?${new URLSearchParams({ bot: t.botId, mode: t.mode, market: t.marketId, at: t.createdAt })}`;
}
