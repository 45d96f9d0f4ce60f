import { sql } from "drizzle-orm";
import { check, numeric, pgPolicy, pgTable, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { authenticatedRole } from "drizzle-orm/supabase";
import { usdAmount } from "./columns.ts";
import { isCurrentUser } from "./policy-helpers.ts";
import { users } from "./users.ts";

export const userRiskProfiles = pgTable(
  "user_risk_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    defaultDailyLossUsd: usdAmount("default_daily_loss_usd").notNull().default("100.00"),
    defaultPositionSizeUsd: usdAmount("default_position_size_usd").notNull().default("500.00"),
    defaultSlippageThresholdPercent: numeric("default_slippage_threshold_percent").notNull().default("2.0"),
    globalRiskBudgetUsd: usdAmount("global_risk_budget_usd"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("user_risk_profiles_user_id_key").on(t.userId),
    check("user_risk_profiles_default_daily_loss_usd_in_bounds", sql`default_daily_loss_usd > 0`),
    check("user_risk_profiles_default_position_size_usd_in_bounds", sql`default_position_size_usd > 0`),
    check(
      "user_risk_profiles_default_slippage_threshold_percent_in_bounds",
      sql`default_slippage_threshold_percent > 0 and default_slippage_threshold_percent <= 100 and scale(default_slippage_threshold_percent) <= 2`,
    ),
    check("user_risk_profiles_global_risk_budget_usd_in_bounds", sql`global_risk_budget_usd > 0`),
    pgPolicy("Users can read their own risk profile", {
      for: "select",
      to: authenticatedRole,
      using: isCurrentUser("user_id"),
    }),
    pgPolicy("Users can update their own risk profile", {
      for: "update",
      to: authenticatedRole,
      using: isCurrentUser("user_id"),
      withCheck: isCurrentUser("user_id"),
    }),
  ],
);
