import type { SQL } from "drizzle-orm";
import type { Transaction } from "../client/with-user.ts";

/** Runs raw SQL and returns its rows, whichever driver is underneath (postgres.js: an array; PGlite: `{ rows }`). */
export async function selectRows<Row>(tx: Transaction, query: SQL): Promise<Row[]> {
  const result: unknown = await tx.execute(query);
  return Array.isArray(result) ? ([...result] as Row[]) : (result as { rows: Row[] }).rows;
}
