import { sql } from "drizzle-orm";
import { check, index, pgPolicy, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { authenticatedRole } from "drizzle-orm/supabase";
import { bots } from "./bots.ts";
import { botFailureType } from "./enums.ts";
import { isOwnedBot } from "./policy-helpers.ts";

export const botFailures = pgTable(
  "bot_failures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    errorType: botFailureType("error_type").notNull(),
    marketId: text("market_id"),
    adaptationNote: text("adaptation_note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("bot_failures_bot_id_created_at_idx").on(t.botId, t.createdAt.desc()),
    check("bot_failures_market_id_not_blank", sql`length(btrim(market_id)) > 0`),
    check("bot_failures_adaptation_note_length", sql`length(adaptation_note) <= 2000`),
    pgPolicy("Users can read their own bots' failures", {
      for: "select",
      to: authenticatedRole,
      using: isOwnedBot,
    }),
  ],
);
