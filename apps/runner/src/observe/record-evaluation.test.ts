import { describe, expect, it } from "vitest";
import { evaluationEvent } from "../view/view-fixtures.ts";
import { createMetrics } from "./metrics.ts";
import { recordEvaluation } from "./record-evaluation.ts";

describe("recordEvaluation", () => {
  it.each<[string, Parameters<typeof evaluationEvent>[0][], readonly string[], readonly string[]]>([
    [
      "a paper fill",
      [{}],
      [
        'open_trade_evaluations_total{mode="paper",outcome="filled"} 1',
        'open_trade_fills_total{mode="paper",side="BUY"} 1',
        'open_trade_evaluation_duration_seconds_bucket{outcome="filled",le="0.025"} 1',
      ],
      ["open_trade_denials_total{"],
    ],
    [
      "two denials and a hold",
      [
        { outcome: "denied", fill: undefined, denialCodes: ["SLIPPAGE", "DAILY_LOSS_LIMIT"] },
        { outcome: "denied", fill: undefined, denialCodes: ["SLIPPAGE"] },
        { outcome: "hold", fill: undefined, durationMs: 3_000 },
      ],
      [
        'open_trade_evaluations_total{mode="paper",outcome="denied"} 2',
        'open_trade_evaluations_total{mode="paper",outcome="hold"} 1',
        'open_trade_denials_total{code="SLIPPAGE"} 2',
        'open_trade_denials_total{code="DAILY_LOSS_LIMIT"} 1',
        'open_trade_evaluation_duration_seconds_sum{outcome="hold"} 3',
      ],
      ["open_trade_fills_total{"],
    ],
  ])("when %s is recorded then the series count it", (_name, events, present, absent) => {
    const metrics = createMetrics();
    for (const e of events) recordEvaluation(metrics, evaluationEvent(e));
    const text = metrics.render();
    for (const line of present) expect(text).toContain(`${line}\n`);
    for (const prefix of absent) expect(text).not.toContain(prefix);
  });
});
