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
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { authenticatedRole } from "drizzle-orm/supabase";
import { usdAmount } from "./columns.ts";
import { botStatus, riskBudgetType } from "./enums.ts";
import { isCurrentUser } from "./policy-helpers.ts";
import { users } from "./users.ts";

export const bots = pgTable(
  "bots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull().default("Untitled Bot"),
    status: botStatus("status").notNull().default("paused"),
    strategyPrompt: text("strategy_prompt").notNull().default(""),
    modelId: text("model_id"),
    maxDailyLossUsd: usdAmount("max_daily_loss_usd"),
    maxPositionSizeUsd: usdAmount("max_position_size_usd"),
    allowedCategories: text("allowed_categories").array().notNull().default(sql`'{}'::text[]`),
    slippageThresholdPercent: numeric("slippage_threshold_percent").default("2.0"),
    maxTradesPerDay: integer("max_trades_per_day").notNull().default(10),
    aiFailureRetryMinutes: integer("ai_failure_retry_minutes").notNull().default(10),
    riskBudgetUsd: usdAmount("risk_budget_usd"),
    riskBudgetType: riskBudgetType("risk_budget_type").notNull().default("individual"),
    botGroupId: uuid("bot_group_id"),
    priority: integer("priority").notNull().default(0),
    maxConcurrentMarkets: integer("max_concurrent_markets").notNull().default(1),
    lastRunAt: timestamp("last_run_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    recipeJson: jsonb("recipe_json"),
    pollingFrequencyMinutes: integer("polling_frequency_minutes"),
    /** NULL: the tier's default cap (risk-engine TierRule.defaultMaxDailyLlmCost). */
    maxDailyLlmCostUsd: usdAmount("max_daily_llm_cost_usd"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [
    unique("bots_id_user_id_key").on(t.id, t.userId),
    index("bots_user_id_priority_idx").on(t.userId, t.priority.desc()),
    index("bots_status_last_run_at_idx").on(t.status, t.lastRunAt),
    check("bots_name_not_blank", sql`length(btrim(name)) between 1 and 100`),
    check("bots_strategy_prompt_length", sql`length(strategy_prompt) <= 20000`),
    check("bots_model_id_format", sql`model_id ~ '^[A-Za-z0-9._:/-]{1,200}$'`),
    check("bots_max_daily_loss_usd_not_negative", sql`max_daily_loss_usd >= 0`),
    check("bots_max_position_size_usd_not_negative", sql`max_position_size_usd >= 0`),
    check("bots_allowed_categories_no_nulls", sql`array_position(allowed_categories, null) is null`),
    check(
      "bots_slippage_threshold_percent_in_range",
      sql`slippage_threshold_percent >= 0 and slippage_threshold_percent <= 100`,
    ),
    check("bots_max_trades_per_day_not_negative", sql`max_trades_per_day >= 0`),
    check("bots_ai_failure_retry_minutes_positive", sql`ai_failure_retry_minutes >= 1`),
    check("bots_risk_budget_usd_not_negative", sql`risk_budget_usd >= 0`),
    check("bots_max_concurrent_markets_positive", sql`max_concurrent_markets >= 1`),
    check("bots_polling_frequency_minutes_positive", sql`polling_frequency_minutes >= 1`),
    check("bots_max_daily_llm_cost_usd_not_negative", sql`max_daily_llm_cost_usd >= 0`),
    check("bots_recipe_json_is_object", sql`jsonb_typeof(recipe_json) = 'object'`),
    pgPolicy("Users can read their own bots", {
      for: "select",
      to: authenticatedRole,
      using: isCurrentUser("user_id"),
    }),
    pgPolicy("Users can create bots for themselves", {
      for: "insert",
      to: authenticatedRole,
      withCheck: isCurrentUser("user_id"),
    }),
    pgPolicy("Users can update their own bots", {
      for: "update",
      to: authenticatedRole,
      using: isCurrentUser("user_id"),
      withCheck: isCurrentUser("user_id"),
    }),
  ],
);
