import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { authenticatedRole } from "drizzle-orm/supabase";
import { bots } from "./bots.ts";
import { usdAmount } from "./columns.ts";
import { evaluationOutcome, tradeType } from "./enums.ts";
import { isOwnedBot } from "./policy-helpers.ts";

/** One row per evaluation (holds, denials, skips and failures too); users read their own bots' rows. */
export const botEvaluations = pgTable(
  "bot_evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    runnerId: text("runner_id").notNull(),
    mode: tradeType("mode").notNull(),
    outcome: evaluationOutcome("outcome").notNull().default("running"),
    reason: text("reason").notNull().default(""),
    denialCodes: text("denial_codes").array().notNull().default(sql`'{}'::text[]`),
    decidedBy: text("decided_by"),
    marketId: text("market_id"),
    tradingState: text("trading_state").notNull().default("ACTIVE"),
    modelId: text("model_id"),
    llmReservedUsd: usdAmount("llm_reserved_usd").notNull().default("0"),
    llmCostUsd: numeric("llm_cost_usd").notNull().default("0"),
    llmBilledUsd: usdAmount("llm_billed_usd").notNull().default("0"),
    llmInputTokens: integer("llm_input_tokens").notNull().default(0),
    llmOutputTokens: integer("llm_output_tokens").notNull().default(0),
    timingsMs: jsonb("timings_ms").notNull().default(sql`'{}'::jsonb`),
    trace: jsonb("trace").notNull().default(sql`'{}'::jsonb`),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("bot_evaluations_bot_id_started_at_idx").on(t.botId, t.startedAt.desc()),
    index("bot_evaluations_running_idx").on(t.botId).where(sql`outcome = 'running'`),
    check("bot_evaluations_reason_length", sql`length(reason) <= 2000`),
    check("bot_evaluations_trading_state_known", sql`trading_state in ('ACTIVE', 'REDUCING', 'HALTED')`),
    check("bot_evaluations_llm_reserved_usd_not_negative", sql`llm_reserved_usd >= 0`),
    check("bot_evaluations_llm_cost_usd_not_negative", sql`llm_cost_usd >= 0`),
    check(
      "bot_evaluations_llm_cost_usd_finite",
      sql`llm_cost_usd not in ('NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric)`,
    ),
    check("bot_evaluations_llm_billed_usd_not_negative", sql`llm_billed_usd >= 0`),
    check("bot_evaluations_llm_tokens_not_negative", sql`llm_input_tokens >= 0 and llm_output_tokens >= 0`),
    check("bot_evaluations_timings_ms_is_object", sql`jsonb_typeof(timings_ms) = 'object'`),
    check("bot_evaluations_trace_is_object", sql`jsonb_typeof(trace) = 'object'`),
    check("bot_evaluations_trace_size", sql`pg_column_size(trace) <= 65536`),
    check("bot_evaluations_finished_when_done", sql`(outcome = 'running') = (finished_at is null)`),
    pgPolicy("Users can read their own bots' evaluations", {
      for: "select",
      to: authenticatedRole,
      using: isOwnedBot,
    }),
  ],
);
