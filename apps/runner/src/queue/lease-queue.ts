import type { Database, Transaction } from "@open-trade/db";
import { asService } from "@open-trade/db/service";
import { RUNNABLE_STATUSES } from "@open-trade/risk-engine";
import { type SQL, sql } from "drizzle-orm";
import { at, sqlRows } from "../db/sql-rows.ts";

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
  const owner = claimOwner(runnerId);
  return {
    /**
     * Claims up to `limit` due bots. Only the CLAIM_WINDOW earliest-due rows are read (an index range
     * with a limit, so the plan and its cost do not depend on how many bots are due or on the statistics);
     * among those, each user's bots are ranked by priority (highest first) and claims go round the users by
     * rank, earliest due first within a rank: a user's most important bot reaches the shared budget first,
     * and no user's many bots hold back another user's. Bots that are not runnable are due at 'infinity'
     * (a trigger keeps bot_schedule in step with bots.status), so they never fill the window.
     */
    async claimDue(nowMs: number, limit: number): Promise<Lease[]> {
      const rows = await asService(db, (tx) =>
        sqlRows<{ bot_id: string; lease_owner: string }>(tx, claimDueQuery(nowMs, limit, leaseMs, owner)),
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

    /** Due bots nobody holds (an index range: not-runnable bots are due at 'infinity'). */
    async depth(nowMs: number): Promise<number> {
      const now = at(nowMs);
      const rows = await asService(db, (tx) =>
        sqlRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from public.bot_schedule s
               where s.next_run_at <= ${now}::timestamptz
                 and (s.lease_expires_at is null or s.lease_expires_at <= ${now}::timestamptz)`,
        ),
      );
      return rows[0]?.n ?? 0;
    },
  };
}

export type LeaseQueue = ReturnType<typeof createLeaseQueue>;

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

/** The lease release, inside a caller's transaction (the evaluation's last one). */
export async function releaseLease(tx: Transaction, release: LeaseRelease, lease: Lease): Promise<void> {
  await tx.execute(sql`update public.bot_schedule
       set lease_owner = null, lease_expires_at = null,
           -- A bot this evaluation stopped (paused, error) stays out of the due range until it is resumed.
           next_run_at = case when private.is_runnable((select b.status from public.bots b where b.id = ${release.botId}))
             then ${at(release.nextRunAtMs)}::timestamptz else 'infinity' end,
           consecutive_failures = ${release.consecutiveFailures},
           last_error = ${release.lastError}
     where bot_id = ${release.botId} and lease_owner = ${lease.owner}`);
}
