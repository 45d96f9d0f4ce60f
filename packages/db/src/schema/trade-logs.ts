import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { authenticatedRole } from "drizzle-orm/supabase";
import { botEvaluations } from "./bot-evaluations.ts";
import { bots } from "./bots.ts";
import { sharePrice, shareQuantity, usdAmount } from "./columns.ts";
import { tradeAction, tradeType } from "./enums.ts";
import { isOwnedBot } from "./policy-helpers.ts";

/** The ledger. Append-only for every role (grants plus triggers): insert through the service client only. */
export const tradeLogs = pgTable(
  "trade_logs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "restrict" }),
    marketId: text("market_id").notNull(),
    type: tradeType("type").notNull(),
    action: tradeAction("action").notNull(),
    size: shareQuantity("size").notNull(),
    executionPrice: sharePrice("execution_price").notNull(),
    aiReasoning: text("ai_reasoning").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    recipeSnapshot: jsonb("recipe_snapshot").notNull().default(sql`'{}'::jsonb`),
    tokenId: text("token_id"),
    feeUsd: usdAmount("fee_usd").notNull().default("0"),
    orderId: text("order_id"),
    fillKey: text("fill_key"),
    evaluationId: uuid("evaluation_id").references(() => botEvaluations.id),
    seq: bigint("seq", { mode: "bigint" }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    index("trade_logs_bot_id_created_at_id_idx").on(t.botId, t.createdAt.desc(), t.id.desc()),
    index("trade_logs_market_id_idx").on(t.marketId),
    index("trade_logs_bot_id_seq_idx").on(t.botId, t.seq),
    index("trade_logs_evaluation_id_idx").on(t.evaluationId).where(sql`evaluation_id is not null`),
    check("trade_logs_market_id_not_blank", sql`length(btrim(market_id)) > 0`),
    check("trade_logs_size_positive", sql`size > 0`),
    check("trade_logs_recipe_snapshot_is_object", sql`jsonb_typeof(recipe_snapshot) = 'object'`),
    check("trade_logs_token_id_not_blank", sql`length(btrim(token_id)) > 0`),
    check("trade_logs_fee_usd_not_negative", sql`fee_usd >= 0`),
    unique("trade_logs_fill_key_key").on(t.fillKey),
    pgPolicy("Users can read their own bots' trades", {
      for: "select",
      to: authenticatedRole,
      using: isOwnedBot,
    }),
  ],
);
