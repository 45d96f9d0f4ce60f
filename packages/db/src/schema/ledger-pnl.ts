import { date, index, integer, pgPolicy, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { authenticatedRole } from "drizzle-orm/supabase";
import { bots } from "./bots.ts";
import { shareQuantity, usdAmount } from "./columns.ts";
import { tradeType } from "./enums.ts";
import { isOwnedBot } from "./policy-helpers.ts";

// Derived from the ledger by its insert trigger (20261203000610_ledger_pnl.sql); users read their own bots' rows.

/** The ledger folded per bot, mode and token (coalesce(token_id, market_id)). */
export const ledgerHoldings = pgTable(
  "ledger_holdings",
  {
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    type: tradeType("type").notNull(),
    tokenKey: text("token_key").notNull(),
    shares: shareQuantity("shares").notNull(),
    costBasisUsd: usdAmount("cost_basis_usd").notNull(),
    realizedPnlUsd: usdAmount("realized_pnl_usd").notNull(),
    feesUsd: usdAmount("fees_usd").notNull(),
    fills: integer("fills").notNull(),
    /** The latest fill's evaluation (its decision trace); null when that fill has none. */
    lastEvaluationId: uuid("last_evaluation_id"),
  },
  (t) => [
    primaryKey({ name: "ledger_holdings_pkey", columns: [t.botId, t.type, t.tokenKey] }),
    pgPolicy("Users can read their own bots' holdings", {
      for: "select",
      to: authenticatedRole,
      using: isOwnedBot,
    }),
  ],
);

/** Realized PnL net of fees and fill count per bot, mode and UTC day. */
export const ledgerPnlDays = pgTable(
  "ledger_pnl_days",
  {
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    type: tradeType("type").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    realizedPnlUsd: usdAmount("realized_pnl_usd").notNull(),
    fills: integer("fills").notNull(),
  },
  (t) => [
    primaryKey({ name: "ledger_pnl_days_pkey", columns: [t.botId, t.type, t.day] }),
    index("ledger_pnl_days_values_idx").on(t.botId, t.type, t.day, t.realizedPnlUsd, t.fills),
    pgPolicy("Users can read their own bots' PnL per day", {
      for: "select",
      to: authenticatedRole,
      using: isOwnedBot,
    }),
  ],
);
