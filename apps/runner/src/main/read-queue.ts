import type { RawSql } from "@open-trade/db";
import type { QueueSnapshot } from "../observe/health-check.ts";

// Mirrors the scheduler's notion of "due and claimable" (queue/lease-queue.ts), read-only.
const DUE = `
  select count(*)::int as due,
         floor(extract(epoch from min(s.next_run_at)) * 1000)::bigint::text as oldest_ms
    from public.bot_schedule s join public.bots b on b.id = s.bot_id
   where b.status in ('paper', 'live', 'paused:ai_unavailable')
     and s.next_run_at <= $1::timestamptz
     and (s.lease_expires_at is null or s.lease_expires_at <= $1::timestamptz)`;

/** How many bots wait to be claimed, and since when: feeds /healthz and the queue gauges. */
export async function readQueue(raw: RawSql, now: Date): Promise<QueueSnapshot> {
  const { rows } = await raw.query<{ due: number; oldest_ms: string | null }>(DUE, [now.toISOString()]);
  const row = rows[0];
  return {
    dueBots: row?.due ?? 0,
    oldestDueAt: row?.oldest_ms == null ? null : new Date(Number(row.oldest_ms)),
  };
}
