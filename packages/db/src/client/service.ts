import { sql } from "drizzle-orm";
import type { Database } from "./connect.ts";
import type { Transaction } from "./with-user.ts";

/**
 * Runs `fn` in one transaction as `service_role`, which bypasses row level security. Only the runner and
 * operator scripts may import this module; API request handlers use `withUser`. The ledger stays append-only
 * here too: service_role has no UPDATE or DELETE grant on trade_logs.
 *
 * The role is set in the same round trip as `fn`'s first statements: the `set_config` is sent first (so it
 * runs first on the connection) but not awaited alone. Should it fail, the statements after it fail too and
 * the transaction rolls back.
 */
export async function asService<T>(db: Database, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const role = Promise.resolve(
      tx.execute(
        sql`select set_config('role', 'service_role', true), set_config('request.jwt.claims', '{"role":"service_role"}', true)`,
      ),
    );
    const [, result] = await Promise.all([role, fn(tx)]);
    return result;
  });
}
