import type { Transaction, UserClaims } from "@open-trade/db";
import { sql } from "drizzle-orm";

/**
 * Runs `fn` as service_role inside the user's own transaction, then returns to the user's role and claims. Used
 * only where the design says the API needs it (README, "service-role uses"): enqueueing a bot's run-now in the
 * backend-only bot_schedule. Staying in one transaction keeps the ownership check and the write atomic, and on
 * PGlite (one connection) a second transaction would wait for this one forever.
 */
export async function asServiceWithin<T>(
  tx: Transaction,
  claims: UserClaims,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  await tx.execute(
    sql`select set_config('role', 'service_role', true), set_config('request.jwt.claims', '{"role":"service_role"}', true)`,
  );
  try {
    return await fn(tx);
  } finally {
    await tx.execute(
      sql`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`,
    );
  }
}
