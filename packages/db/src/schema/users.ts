import { pgPolicy, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { authenticatedRole, authUsers } from "drizzle-orm/supabase";
import { userTier } from "./enums.ts";
import { isCurrentUser } from "./policy-helpers.ts";

export const users = pgTable(
  "users",
  {
    id: uuid("id")
      .primaryKey()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    tier: userTier("tier").notNull().default("free"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    pgPolicy("Users can read their own row", {
      for: "select",
      to: authenticatedRole,
      using: isCurrentUser("id"),
    }),
  ],
);
