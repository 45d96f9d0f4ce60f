import { sql } from "drizzle-orm";
import { check, pgPolicy, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { authenticatedRole } from "drizzle-orm/supabase";
import { bots } from "./bots.ts";
import { sharePrice, shareQuantity, usdAmount } from "./columns.ts";
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
    botId: uuid("bot_id").references(() => bots.id, { onDelete: "restrict" }),
    tokenId: text("token_id"),
    costBasisUsd: usdAmount("cost_basis_usd").notNull().default("0"),
    realizedPnlUsd: usdAmount("realized_pnl_usd").notNull().default("0"),
  },
  (t) => [
    unique("positions_holding_key").on(t.userId, t.botId, t.marketId, t.tokenId, t.type).nullsNotDistinct(),
    check("positions_token_id_not_blank", sql`length(btrim(token_id)) > 0`),
    check("positions_cost_basis_usd_not_negative", sql`cost_basis_usd >= 0`),
    check("positions_market_id_not_blank", sql`length(btrim(market_id)) > 0`),
    check("positions_correlated_markets_no_nulls", sql`array_position(correlated_markets, null) is null`),
    pgPolicy("Users can read their own positions", {
      for: "select",
      to: authenticatedRole,
      using: isCurrentUser("user_id"),
    }),
  ],
);
