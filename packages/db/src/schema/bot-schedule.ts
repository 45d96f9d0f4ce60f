import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bots } from "./bots.ts";

/** The runner's job queue, one lease per bot. Service role only: RLS is on and no policy admits a user. */
export const botSchedule = pgTable(
  "bot_schedule",
  {
    botId: uuid("bot_id")
      .primaryKey()
      .references(() => bots.id, { onDelete: "cascade" }),
    nextRunAt: timestamp("next_run_at", { withTimezone: true }).notNull().defaultNow(),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    lastError: text("last_error"),
    dailyLossReachedAt: timestamp("daily_loss_reached_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("bot_schedule_next_run_at_idx").on(t.nextRunAt),
    check("bot_schedule_consecutive_failures_not_negative", sql`consecutive_failures >= 0`),
    check("bot_schedule_lease_complete", sql`(lease_owner is null) = (lease_expires_at is null)`),
    check("bot_schedule_last_error_length", sql`length(last_error) <= 2000`),
  ],
).enableRLS();
