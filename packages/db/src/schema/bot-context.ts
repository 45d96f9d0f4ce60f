import { sql } from "drizzle-orm";
import { check, jsonb, pgPolicy, pgTable, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { authenticatedRole } from "drizzle-orm/supabase";
import { bots } from "./bots.ts";
import { isOwnedBot } from "./policy-helpers.ts";

export const botContext = pgTable(
  "bot_context",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    contextJson: jsonb("context_json").notNull().default(sql`'{}'::jsonb`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("bot_context_bot_id_key").on(t.botId),
    check("bot_context_context_json_is_object", sql`jsonb_typeof(context_json) = 'object'`),
    check("bot_context_context_json_size", sql`pg_column_size(context_json) <= 65536`),
    pgPolicy("Users can read their own bots' memory", {
      for: "select",
      to: authenticatedRole,
      using: isOwnedBot,
    }),
    pgPolicy("Users can create memory for their own bots", {
      for: "insert",
      to: authenticatedRole,
      withCheck: isOwnedBot,
    }),
    pgPolicy("Users can update their own bots' memory", {
      for: "update",
      to: authenticatedRole,
      using: isOwnedBot,
      withCheck: isOwnedBot,
    }),
  ],
);
