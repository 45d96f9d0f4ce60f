import { bench, describe } from "vitest";
import { evaluationEvent } from "../view/view-fixtures.ts";
import { createLogger } from "./logger.ts";
import { createMetrics } from "./metrics.ts";

// What the runner logs per evaluation, and what a failure adds: the cost the secret scrubbing puts on each.
const logger = createLogger({ write: () => {}, secrets: ["sk-or-v1-0123456789abcdef0123456789abcdef"] });
const summary = { ...evaluationEvent(), runnerId: "vm:1234" };
const failure = new Error(`POST https://clob.polymarket.com/order 503: ${"upstream timeout ".repeat(20)}`);
failure.stack = `${failure.message}\n${"    at placeOrder (/work/main/apps/runner/src/pipeline/place-order.ts:88:13)\n".repeat(20)}`;

const metrics = createMetrics();
for (const outcome of ["filled", "hold", "denied", "skipped", "failed"]) {
  metrics.counter("open_trade_evaluations_total", "h", { outcome, mode: "paper" }).inc(1_000);
  metrics.histogram("open_trade_evaluation_duration_seconds", "h", { outcome }).observe(0.02);
}
for (let i = 0; i < 30; i += 1) metrics.counter("open_trade_denials_total", "h", { code: `CODE_${i}` }).inc();

describe("observability hot paths", () => {
  bench("log one evaluation summary", () => {
    logger.log("info", "evaluation", summary);
  });
  bench("log a failure with a 20-frame stack", () => {
    logger.log("error", "evaluation_crashed", { botId: "b", error: failure });
  });
  bench("render /metrics (40 series)", () => {
    metrics.render();
  });
});
