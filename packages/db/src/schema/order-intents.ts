import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { botEvaluations } from "./bot-evaluations.ts";
import { bots } from "./bots.ts";
import { sharePrice, shareQuantity } from "./columns.ts";
import { orderIntentStatus, tradeAction, tradeType } from "./enums.ts";
import { users } from "./users.ts";

/** Write-ahead order records with their deterministic identity. Service role only. */
export const orderIntents = pgTable(
  "order_intents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: text("order_id").notNull(),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "restrict" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    evaluationId: uuid("evaluation_id").references(() => botEvaluations.id, { onDelete: "set null" }),
    mode: tradeType("mode").notNull(),
    marketId: text("market_id").notNull(),
    tokenId: text("token_id").notNull(),
    action: tradeAction("action").notNull(),
    size: shareQuantity("size").notNull(),
    limitPrice: sharePrice("limit_price").notNull(),
    status: orderIntentStatus("status").notNull().default("prepared"),
    preparedOrder: jsonb("prepared_order").notNull(),
    failureCode: text("failure_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("order_intents_order_id_key").on(t.orderId),
    index("order_intents_bot_id_status_idx").on(t.botId, t.status),
    index("order_intents_user_id_status_idx").on(t.userId, t.status),
    check("order_intents_size_positive", sql`size > 0`),
    check("order_intents_prepared_order_is_object", sql`jsonb_typeof(prepared_order) = 'object'`),
  ],
).enableRLS();
