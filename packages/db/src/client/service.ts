import { sql } from "drizzle-orm";
import type { Database } from "./connect.ts";
import type { Transaction } from "./with-user.ts";

/**
 * Runs `fn` in one transaction as `service_role`, which bypasses row level security. Only the runner and
 * operator scripts may import this module; API request handlers use `withUser`. The ledger stays append-only
 * here too: service_role has no UPDATE or DELETE grant on trade_logs.
 */
export async function asService<T>(db: Database, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'service_role', true), set_config('request.jwt.claims', '{"role":"service_role"}', true)`,
    );
    return fn(tx);
  });
}
