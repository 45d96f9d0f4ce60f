import type { Database, Transaction } from "@open-trade/db";
import type { SQL } from "drizzle-orm";

/**
 * Rows of a raw query, whichever driver is underneath (postgres.js returns an array, PGlite `{ rows }`).
 * Queries cast numeric to text and timestamps to epoch milliseconds, so money stays an exact string and
 * both drivers hand back the same JS types.
 */
export async function sqlRows<Row>(db: Database | Transaction, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? [...result] : (result as { rows: Row[] }).rows) as Row[];
}

/** A timestamp parameter from the runner's clock (the clock is injected, so tests control time). */
export const at = (ms: number): string => new Date(ms).toISOString();
