import type { Database } from "@open-trade/db";
import { asService } from "@open-trade/db/service";
import type { Metrics } from "../observe/metrics.ts";
import { modelSpend } from "../store/bots.ts";

export const MODEL_COST_METRIC = "open_trade_model_cost_micro_usd_total";

/**
 * Feeds the model-cost counter from the evaluation records, which are the source of truth for spend: each
 * sample adds what was billed since the previous one. Counted per runner process, so summing the series
 * over several runners never counts a call twice. Micro-USD stays an integer, never a float amount.
 */
export function createModelCostCounter(options: {
  readonly db: Database;
  readonly metrics: Metrics;
  readonly runnerId: string;
  readonly since: Date;
}) {
  const counted = new Map<string, bigint>();
  return {
    async sample(): Promise<void> {
      const spent = await asService(options.db, (tx) =>
        modelSpend(tx, options.runnerId, options.since.getTime()),
      );
      for (const { model, micros } of spent) {
        const delta = micros - (counted.get(model) ?? 0n);
        if (delta <= 0n) continue;
        options.metrics
          .counter(MODEL_COST_METRIC, "Model spend billed, in micro-USD (1e-6 USD), by model.", { model })
          .inc(Number(delta));
        counted.set(model, micros);
      }
    },
  };
}
