import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { bots } from "./bots.ts";
import { users } from "./users.ts";

/** Service role only: RLS is on and no policy admits a user. */
export const botCoordinationLocks = pgTable(
  "bot_coordination_locks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    marketId: text("market_id").notNull(),
    lockedByBotId: uuid("locked_by_bot_id").notNull(),
    lockedAt: timestamp("locked_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("bot_coordination_locks_user_id_market_id_key").on(t.userId, t.marketId),
    index("bot_coordination_locks_locked_by_bot_id_idx").on(t.lockedByBotId),
    index("bot_coordination_locks_expires_at_idx").on(t.expiresAt),
    check("bot_coordination_locks_market_id_not_blank", sql`length(btrim(market_id)) > 0`),
    check("bot_coordination_locks_expires_after_locked", sql`expires_at > locked_at`),
    check(
      "bot_coordination_locks_expires_within_a_day",
      sql`isfinite(locked_at) and isfinite(expires_at) and expires_at <= locked_at + interval '1 day'`,
    ),
    // The holder is one of the locking user's own bots.
    foreignKey({
      name: "bot_coordination_locks_bot_belongs_to_user",
      columns: [t.lockedByBotId, t.userId],
      foreignColumns: [bots.id, bots.userId],
    }).onDelete("cascade"),
  ],
).enableRLS();
