import type { RawSql } from "@open-trade/db";
import type { Metrics } from "../observe/metrics.ts";

export const MODEL_COST_METRIC = "open_trade_model_cost_micro_usd_total";

// Billed model spend of this runner's evaluations since it started, per model, in integer micro-USD.
const SPEND = `
  select coalesce(model_id, 'none') as model, (sum(llm_billed_usd) * 1000000)::bigint::text as micros
    from public.bot_evaluations
   where runner_id = $1 and started_at >= $2::timestamptz and llm_billed_usd > 0
   group by 1`;

/**
 * Feeds the model-cost counter from the evaluation records, which are the source of truth for spend: each
 * sample adds what was billed since the previous one. Counted per runner process, so summing the series
 * over several runners never counts a call twice. Micro-USD stays an integer, never a float amount.
 */
export function createModelCostCounter(options: {
  readonly raw: RawSql;
  readonly metrics: Metrics;
  readonly runnerId: string;
  readonly since: Date;
}) {
  const counted = new Map<string, bigint>();
  return {
    async sample(): Promise<void> {
      const { rows } = await options.raw.query<{ model: string; micros: string }>(SPEND, [
        options.runnerId,
        options.since.toISOString(),
      ]);
      for (const row of rows) {
        const total = BigInt(row.micros);
        const delta = total - (counted.get(row.model) ?? 0n);
        if (delta <= 0n) continue;
        options.metrics
          .counter(MODEL_COST_METRIC, "Model spend billed, in micro-USD (1e-6 USD), by model.", {
            model: row.model,
          })
          .inc(Number(delta));
        counted.set(row.model, total);
      }
    },
  };
}
