import type { Database } from "@open-trade/db";
import { asService } from "@open-trade/db/service";
import { botName } from "../store/bots.ts";
import {
  claimBot,
  claimDue,
  claimOwner,
  dueBots,
  type Lease,
  type LeaseRelease,
  releaseLease,
  renewLease,
} from "../store/schedule.ts";

export type { Lease, LeaseRelease };

export type OneClaim =
  | { readonly kind: "claimed"; readonly lease: Lease }
  | { readonly kind: "busy"; readonly name: string; readonly status: string }
  | { readonly kind: "missing" };

/**
 * The job queue (DESIGN step 1): one `bot_schedule` row per bot, claimed as a lease with `for update skip
 * locked`, so any number of runner processes share it and a bot never has two evaluations at once. The
 * evaluation renews its lease while it runs; a lease whose runner died (crash, kill -9) expires and is
 * claimed again, and nothing else needs cleaning up. Each claim has an owner of its own, so an evaluation
 * that lost its lease can never release or renew the next one's. The statements are in store/schedule.ts.
 */
export function createLeaseQueue(db: Database, runnerId: string, leaseMs: number) {
  const owner = claimOwner(runnerId);
  return {
    /**
     * Claims up to `limit` due bots: among the earliest due, each user's bots are ranked by priority and
     * claims go round the users by rank, so no user's many bots hold back another user's.
     */
    claimDue: (nowMs: number, limit: number): Promise<Lease[]> =>
      asService(db, (tx) => claimDue(tx, { nowMs, limit, leaseMs, owner })),

    /** Claims one bot whether due or not ("run now"): `busy` while another evaluation of it runs anywhere. */
    claimOne: (botId: string, nowMs: number): Promise<OneClaim> =>
      asService(db, async (tx) => {
        const bot = await botName(tx, botId);
        if (!bot) return { kind: "missing" };
        const lease = await claimBot(tx, { botId, nowMs, leaseMs, owner });
        return lease ? { kind: "claimed", lease } : { kind: "busy", ...bot };
      }),

    /** Ends a lease outside an evaluation's final transaction (a bot gone before it was evaluated). */
    release: (release: LeaseRelease, lease: Lease) => asService(db, (tx) => releaseLease(tx, release, lease)),

    /** Pushes the lease's expiry on while its evaluation runs; false when the lease was lost (it expired). */
    renew: (lease: Lease, nowMs: number): Promise<boolean> =>
      asService(db, (tx) => renewLease(tx, lease, nowMs + leaseMs)),

    /** Due bots nobody holds. */
    depth: async (nowMs: number): Promise<number> =>
      (await asService(db, (tx) => dueBots(tx, nowMs))).dueBots,
  };
}

export type LeaseQueue = ReturnType<typeof createLeaseQueue>;
