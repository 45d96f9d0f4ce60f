import type { Database, Transaction } from "@open-trade/db";
import { asService } from "@open-trade/db/service";
import { sql } from "drizzle-orm";
import { at, sqlRows } from "../db/sql-rows.ts";

/** Statuses the scheduler evaluates; `paused` and `error` wait for the user. */
const RUNNABLE = sql`('paper', 'live', 'paused:ai_unavailable')`;

export interface Lease {
  readonly botId: string;
  /** This claim's owner, `<runner id>/<claim id>`: only this claim may renew or release the lease. */
  readonly owner: string;
}

export type OneClaim =
  | { readonly kind: "claimed"; readonly lease: Lease }
  | { readonly kind: "busy"; readonly name: string; readonly status: string }
  | { readonly kind: "missing" };

export interface LeaseRelease {
  readonly botId: string;
  readonly nextRunAtMs: number;
  /** Null keeps the counter; a number replaces it. */
  readonly consecutiveFailures: number;
  readonly lastError: string | null;
}

/**
 * The job queue: one `bot_schedule` row per bot, claimed as a lease with `for update skip locked`, so any
 * number of runner processes share it and a bot never has two evaluations at once. The evaluation renews
 * its lease while it runs; a lease whose runner died (crash, kill -9) expires and is claimed again, and
 * nothing else needs cleaning up. Each claim has an owner of its own, so an evaluation that lost its lease
 * can never release or renew the next one's.
 */
export function createLeaseQueue(db: Database, runnerId: string, leaseMs: number) {
  const owner = sql`${runnerId} || '/' || left(gen_random_uuid()::text, 8)`;
  return {
    /** New bots get a schedule row, due now. */
    async ensureSchedules(nowMs: number): Promise<void> {
      await asService(db, (tx) =>
        tx.execute(sql`insert into public.bot_schedule (bot_id, next_run_at)
          select b.id, ${at(nowMs)}::timestamptz from public.bots b
           where b.status in ${RUNNABLE}
             and not exists (select 1 from public.bot_schedule s where s.bot_id = b.id)
          on conflict (bot_id) do nothing`),
      );
    },

    /**
     * Claims up to `limit` due bots. Each user's due bots are ranked by priority (highest first), and claims
     * go round the users by rank, earliest due first within a rank: a user's most important bot reaches the
     * shared budget first, and no user's many bots hold back another user's.
     */
    async claimDue(nowMs: number, limit: number): Promise<Lease[]> {
      const now = at(nowMs);
      const expires = at(nowMs + leaseMs);
      const rows = await asService(db, (tx) =>
        sqlRows<{ bot_id: string; lease_owner: string }>(
          tx,
          sql`with ranked as (
                select s.bot_id, s.next_run_at,
                       row_number() over (partition by b.user_id order by b.priority desc, s.next_run_at) as rank
                  from public.bot_schedule s join public.bots b on b.id = s.bot_id
                 -- Bots in flight keep their rank (their next_run_at moves only on release).
                 where s.next_run_at <= ${now}::timestamptz and b.status in ${RUNNABLE}),
              due as (
                -- Rechecked on the locked row: another runner may have claimed or finished it meanwhile.
                select s.bot_id from public.bot_schedule s join ranked r on r.bot_id = s.bot_id
                 where s.next_run_at <= ${now}::timestamptz
                   and (s.lease_expires_at is null or s.lease_expires_at <= ${now}::timestamptz)
                 order by r.rank, r.next_run_at
                 limit ${limit}
                 for update of s skip locked)
              update public.bot_schedule s
                 set lease_owner = ${owner}, lease_expires_at = ${expires}::timestamptz
                from due where s.bot_id = due.bot_id
              returning s.bot_id, s.lease_owner`,
        ),
      );
      return rows.map((r) => ({ botId: r.bot_id, owner: r.lease_owner }));
    },

    /** Claims one bot whether due or not ("run now"): `busy` while another evaluation of it runs anywhere. */
    async claimOne(botId: string, nowMs: number): Promise<OneClaim> {
      const now = at(nowMs);
      return asService(db, async (tx) => {
        const [bot] = await sqlRows<{ name: string; status: string }>(
          tx,
          sql`select name, status::text as status from public.bots where id = ${botId}`,
        );
        if (!bot) return { kind: "missing" };
        await tx.execute(sql`insert into public.bot_schedule (bot_id, next_run_at)
          values (${botId}, ${now}::timestamptz) on conflict (bot_id) do nothing`);
        const [claimed] = await sqlRows<{ lease_owner: string }>(
          tx,
          sql`update public.bot_schedule
                 set lease_owner = ${owner}, lease_expires_at = ${at(nowMs + leaseMs)}::timestamptz
               where bot_id = ${botId}
                 and (lease_expires_at is null or lease_expires_at <= ${now}::timestamptz)
              returning lease_owner`,
        );
        return claimed
          ? { kind: "claimed", lease: { botId, owner: claimed.lease_owner } }
          : { kind: "busy", ...bot };
      });
    },

    /** Ends a lease and says when the bot is due next. A lease lost to expiry is left alone. */
    release: (release: LeaseRelease, lease: Lease) => asService(db, (tx) => releaseLease(tx, release, lease)),

    /** Pushes the lease's expiry on while its evaluation runs; false when the lease was lost (it expired). */
    async renew(lease: Lease, nowMs: number): Promise<boolean> {
      const rows = await asService(db, (tx) =>
        sqlRows<{ bot_id: string }>(
          tx,
          sql`update public.bot_schedule set lease_expires_at = ${at(nowMs + leaseMs)}::timestamptz
               where bot_id = ${lease.botId} and lease_owner = ${lease.owner} returning bot_id`,
        ),
      );
      return rows.length > 0;
    },

    /** Due bots nobody holds: the queue depth a metric reports. */
    async depth(nowMs: number): Promise<number> {
      const now = at(nowMs);
      const rows = await asService(db, (tx) =>
        sqlRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from public.bot_schedule s join public.bots b on b.id = s.bot_id
               where s.next_run_at <= ${now}::timestamptz and b.status in ${RUNNABLE}
                 and (s.lease_expires_at is null or s.lease_expires_at <= ${now}::timestamptz)`,
        ),
      );
      return rows[0]?.n ?? 0;
    },
  };
}

export type LeaseQueue = ReturnType<typeof createLeaseQueue>;

/** The lease release, inside a caller's transaction (the evaluation's last one). */
export async function releaseLease(tx: Transaction, release: LeaseRelease, lease: Lease): Promise<void> {
  await tx.execute(sql`update public.bot_schedule
       set lease_owner = null, lease_expires_at = null,
           next_run_at = ${at(release.nextRunAtMs)}::timestamptz,
           consecutive_failures = ${release.consecutiveFailures},
           last_error = ${release.lastError}
     where bot_id = ${release.botId} and lease_owner = ${lease.owner}`);
}
