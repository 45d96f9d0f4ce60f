import type { Transaction } from "@open-trade/db";
import { selectRows } from "@open-trade/db/queries";
import { RUNNABLE_STATUSES } from "@open-trade/risk-engine";
import { type SQL, sql } from "drizzle-orm";
import { at } from "./at.ts";

/**
 * How many earliest-due rows a claim ranks for fairness across users, evaluations in flight included (more
 * when claiming more). Above this many evaluations in flight across all runners it must grow.
 */
const CLAIM_WINDOW = 256;
const RUNNABLE = sql.raw(`(${RUNNABLE_STATUSES.map((s) => `'${s}'`).join(", ")})`);

export interface Lease {
  readonly botId: string;
  /** This claim's owner, `<runner id>/<claim id>`: only this claim may renew or release the lease. */
  readonly owner: string;
}

export interface LeaseRelease {
  readonly botId: string;
  readonly nextRunAtMs: number;
  readonly consecutiveFailures: number;
  readonly lastError: string | null;
}

/** Each claim's own lease owner, `<runner id>/<8 random hex>`. */
export const claimOwner = (runnerId: string): SQL =>
  sql`${runnerId} || '/' || left(gen_random_uuid()::text, 8)`;

/** The claim statement (its own function so the claim bench can EXPLAIN ANALYZE exactly this). */
export function claimDueQuery(nowMs: number, limit: number, leaseMs: number, owner: SQL): SQL {
  const now = at(nowMs);
  const window = Math.max(CLAIM_WINDOW, limit * 8);
  // Every step is an index lookup driven by the few rows before it (the window, then `limit` locks), so the
  // plan cannot turn into a scan of all due bots whatever the statistics say: the bots row is read through a
  // lateral `limit 1` (never hash-joined), and the locked row is found by its key and the due time it was
  // ranked with (a row claimed and released meanwhile has another one, so it is skipped).
  // Bots in flight stay in the window and keep their rank (their next_run_at moves only on release), so a
  // user's next bot does not jump ahead while the first is still running.
  return sql`with earliest as materialized (
        select s.bot_id, s.next_run_at from public.bot_schedule s
         where s.next_run_at <= ${now}::timestamptz
         order by s.next_run_at
         limit ${window}),
      ranked as materialized (
        select e.bot_id, e.next_run_at,
               row_number() over (partition by b.user_id order by b.priority desc, e.next_run_at) as rank
          from earliest e cross join lateral (
            select b.user_id, b.priority from public.bots b
             where b.id = e.bot_id and b.status in ${RUNNABLE} limit 1) b),
      due as (
        select l.bot_id from (select * from ranked order by rank, next_run_at) r
         cross join lateral (
           select s.bot_id from public.bot_schedule s
            where s.bot_id = r.bot_id and s.next_run_at = r.next_run_at
              and (s.lease_expires_at is null or s.lease_expires_at <= ${now}::timestamptz)
            for update skip locked) l
         limit ${limit})
      update public.bot_schedule s
         set lease_owner = ${owner}, lease_expires_at = ${at(nowMs + leaseMs)}::timestamptz
        from due where s.bot_id = due.bot_id
      returning s.bot_id, s.lease_owner`;
}

export async function claimDue(
  tx: Transaction,
  q: { nowMs: number; limit: number; leaseMs: number; owner: SQL },
): Promise<Lease[]> {
  const claimed = await selectRows<{ bot_id: string; lease_owner: string }>(
    tx,
    claimDueQuery(q.nowMs, q.limit, q.leaseMs, q.owner),
  );
  return claimed.map((r) => ({ botId: r.bot_id, owner: r.lease_owner }));
}

/** Leases one bot whether due or not ("run now"); null while another evaluation holds it. */
export async function claimBot(
  tx: Transaction,
  q: { botId: string; nowMs: number; leaseMs: number; owner: SQL },
): Promise<Lease | null> {
  const now = at(q.nowMs);
  const [, [claimed]] = await Promise.all([
    selectRows(
      tx,
      sql`insert into public.bot_schedule (bot_id, next_run_at)
          values (${q.botId}, ${now}::timestamptz) on conflict (bot_id) do nothing`,
    ),
    selectRows<{ lease_owner: string }>(
      tx,
      sql`update public.bot_schedule
             set lease_owner = ${q.owner}, lease_expires_at = ${at(q.nowMs + q.leaseMs)}::timestamptz
           where bot_id = ${q.botId} and (lease_expires_at is null or lease_expires_at <= ${now}::timestamptz)
          returning lease_owner`,
    ),
  ]);
  return claimed ? { botId: q.botId, owner: claimed.lease_owner } : null;
}

/** Pushes the lease's expiry on while its evaluation runs; false when the lease was lost (it expired). */
export async function renewLease(tx: Transaction, lease: Lease, expiresMs: number): Promise<boolean> {
  const renewed = await selectRows(
    tx,
    sql`update public.bot_schedule set lease_expires_at = ${at(expiresMs)}::timestamptz
         where bot_id = ${lease.botId} and lease_owner = ${lease.owner} returning bot_id`,
  );
  return renewed.length > 0;
}

/** True while this claim still holds the bot's lease (checked before an order is written ahead). */
export async function holdsLease(tx: Transaction, lease: Lease): Promise<boolean> {
  const held = await selectRows(
    tx,
    sql`select bot_id from public.bot_schedule where bot_id = ${lease.botId} and lease_owner = ${lease.owner}`,
  );
  return held.length > 0;
}

/** Ends a lease and says when the bot is due next. A lease lost to expiry is left alone. */
export async function releaseLease(tx: Transaction, release: LeaseRelease, lease: Lease): Promise<void> {
  await selectRows(
    tx,
    sql`update public.bot_schedule
       set lease_owner = null, lease_expires_at = null,
           -- A bot this evaluation stopped (paused, error) stays out of the due range until it is resumed.
           next_run_at = case when private.is_runnable((select b.status from public.bots b where b.id = ${release.botId}))
             then ${at(release.nextRunAtMs)}::timestamptz else 'infinity' end,
           consecutive_failures = ${release.consecutiveFailures},
           last_error = ${release.lastError}
     where bot_id = ${release.botId} and lease_owner = ${lease.owner}`,
  );
}

/** The first evaluation of a UTC day in REDUCING stamps when the daily loss limit was reached. */
export async function markDailyLossReached(tx: Transaction, botId: string, nowMs: number): Promise<void> {
  await selectRows(
    tx,
    sql`update public.bot_schedule set daily_loss_reached_at = ${at(nowMs)}::timestamptz where bot_id = ${botId}`,
  );
}

/** Due runnable bots nobody holds, and since when the oldest waits: the queue gauges and /healthz. */
export async function dueBots(
  tx: Transaction,
  nowMs: number,
): Promise<{ dueBots: number; oldestDueAt: Date | null }> {
  const now = at(nowMs);
  const [row] = await selectRows<{ due: number; oldest_ms: number | null }>(
    tx,
    sql`select count(*)::int as due, (extract(epoch from min(s.next_run_at)) * 1000)::float8 as oldest_ms
          from public.bot_schedule s join public.bots b on b.id = s.bot_id
         where b.status in ${RUNNABLE} and s.next_run_at <= ${now}::timestamptz
           and (s.lease_expires_at is null or s.lease_expires_at <= ${now}::timestamptz)`,
  );
  return { dueBots: row?.due ?? 0, oldestDueAt: row?.oldest_ms == null ? null : new Date(row.oldest_ms) };
}
