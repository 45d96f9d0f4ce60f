import type { EvaluationEvent } from "../view/bot-board.ts";
import { METRIC } from "./metric-names.ts";
import type { Metrics } from "./metrics.ts";

/** Counts one finished evaluation: outcome, duration, each denial code, and the fill if there was one. */
export function recordEvaluation(metrics: Metrics, e: EvaluationEvent): void {
  metrics.counter(...METRIC.evaluations, { outcome: e.outcome, mode: e.mode }).inc();
  metrics.histogram(...METRIC.evaluationSeconds, { outcome: e.outcome }).observe(e.durationMs / 1000);
  for (const code of e.denialCodes) metrics.counter(...METRIC.denials, { code }).inc();
  if (e.fill) metrics.counter(...METRIC.fills, { mode: e.mode, side: e.fill.side }).inc();
}
