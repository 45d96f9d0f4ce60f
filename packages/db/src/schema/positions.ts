import { sql } from "drizzle-orm";
import { check, pgPolicy, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { authenticatedRole } from "drizzle-orm/supabase";
import { sharePrice, shareQuantity } from "./columns.ts";
import { tradeType } from "./enums.ts";
import { isCurrentUser } from "./policy-helpers.ts";
import { users } from "./users.ts";

/** Derived from the ledger by the runner; users read, only the service role writes. */
export const positions = pgTable(
  "positions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    marketId: text("market_id").notNull(),
    type: tradeType("type").notNull(),
    totalShares: shareQuantity("total_shares").notNull().default("0"),
    averageEntryPrice: sharePrice("average_entry_price").notNull().default("0"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    correlatedMarkets: text("correlated_markets").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    unique("positions_user_id_market_id_type_key").on(t.userId, t.marketId, t.type),
    check("positions_market_id_not_blank", sql`length(btrim(market_id)) > 0`),
    check("positions_correlated_markets_no_nulls", sql`array_position(correlated_markets, null) is null`),
    pgPolicy("Users can read their own positions", {
      for: "select",
      to: authenticatedRole,
      using: isCurrentUser("user_id"),
    }),
  ],
);
