import type { Transaction } from "@open-trade/db";
import { selectRows } from "@open-trade/db/queries";
import { sql } from "drizzle-orm";
import { at } from "./at.ts";

/** Serialises a user's reservations and fills (`pg_advisory_xact_lock`): held until the transaction ends. */
export function lockUser(tx: Transaction, userId: string): Promise<unknown[]> {
  return selectRows(tx, sql`select pg_advisory_xact_lock(hashtext(${userId}))`);
}

/** The per-user, per-market coordination lock (DESIGN step 7); it expires by itself if its holder dies. */
export async function takeMarketLock(
  tx: Transaction,
  lock: { userId: string; conditionId: string; botId: string; nowMs: number; lockMs: number },
): Promise<void> {
  await selectRows(
    tx,
    sql`insert into public.bot_coordination_locks (user_id, market_id, locked_by_bot_id, locked_at, expires_at)
        values (${lock.userId}, ${lock.conditionId}, ${lock.botId}, ${at(lock.nowMs)}::timestamptz,
          ${at(lock.nowMs + lock.lockMs)}::timestamptz)
        on conflict (user_id, market_id) do update set locked_by_bot_id = excluded.locked_by_bot_id,
          locked_at = excluded.locked_at, expires_at = excluded.expires_at`,
  );
}

/**
 * Releases this evaluation's locks (stamped with its start) and the bot's expired ones; never a lock a later
 * evaluation of the bot took after this one lost its lease.
 */
export async function releaseMarketLocks(
  tx: Transaction,
  botId: string,
  startedMs: number,
  nowMs: number,
): Promise<void> {
  await selectRows(
    tx,
    sql`delete from public.bot_coordination_locks where locked_by_bot_id = ${botId}
          and (locked_at = ${at(startedMs)}::timestamptz or expires_at <= ${at(nowMs)}::timestamptz)`,
  );
}
