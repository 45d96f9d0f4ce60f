import type { Database } from "@open-trade/db";
import { asService } from "@open-trade/db/service";
import { sql } from "drizzle-orm";

export type IntentEnd = "submitted" | "rejected" | "ambiguous" | "abandoned";

/** Moves a write-ahead intent along; `submitted` is written just before the order leaves the process. */
export async function settleIntent(
  db: Database,
  orderId: string,
  status: IntentEnd,
  failureCode: string | null = null,
) {
  await asService(db, (tx) =>
    tx.execute(sql`update public.order_intents set status = ${status}::public.order_intent_status,
        failure_code = coalesce(${failureCode}, failure_code) where order_id = ${orderId}`),
  );
}
