import type { Transaction } from "@open-trade/db";
import { selectRows } from "@open-trade/db/queries";
import type { PreparedOrder } from "@open-trade/polymarket";
import { sql } from "drizzle-orm";

export type IntentEnd = "submitted" | "rejected" | "ambiguous" | "abandoned";

/**
 * The write-ahead record of an order with its deterministic identity (DESIGN step 9): written before the order
 * leaves the process, so a crash or a retry can never place it twice.
 */
export async function writeIntent(
  tx: Transaction,
  intent: {
    readonly order: PreparedOrder;
    readonly botId: string;
    readonly userId: string;
    readonly evaluationId: string;
    readonly mode: "paper" | "live";
    readonly conditionId: string;
    readonly tokenId: string;
  },
): Promise<void> {
  const { order } = intent;
  await selectRows(
    tx,
    sql`insert into public.order_intents (order_id, bot_id, user_id, evaluation_id, mode, market_id, token_id,
          action, size, limit_price, prepared_order)
        values (${order.orderId}, ${intent.botId}, ${intent.userId}, ${intent.evaluationId}, ${intent.mode}::public.trade_type,
          ${intent.conditionId}, ${intent.tokenId}, ${order.side === "BUY" ? "buy" : "sell"}::public.trade_action,
          ${order.shares}::numeric, ${order.limitPrice}::numeric, ${JSON.stringify(order)}::jsonb)`,
  );
}

/** Moves a write-ahead intent along; `submitted` is written just before the order leaves the process. */
export async function settleIntent(
  tx: Transaction,
  orderId: string,
  status: IntentEnd | "filled",
  failureCode: string | null = null,
): Promise<void> {
  await selectRows(
    tx,
    sql`update public.order_intents set status = ${status}::public.order_intent_status,
        failure_code = coalesce(${failureCode}, failure_code) where order_id = ${orderId}`,
  );
}
