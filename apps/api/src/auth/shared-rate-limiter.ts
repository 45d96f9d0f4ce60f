import type { Database } from "@open-trade/db";
import { selectRows } from "@open-trade/db/queries";
import { sql } from "drizzle-orm";

/**
 * Fixed-window counters per key in private.sign_in_attempts, so every API process on the database shares them
 * (behind a load balancer, per-process counters would multiply an attacker's attempts). A key over its limit is
 * refused until its window ends. Time comes from `now`, so tests can move it.
 */
export class SharedRateLimiter {
  constructor(
    private readonly db: Database,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    /** Whose counters these are (the deployment's signing key id); keys of another scope are never counted. */
    private readonly scope = "",
  ) {}

  /** Seconds until `key` may try again, or 0 when it may now. */
  async retryAfterSeconds(name: string): Promise<number> {
    const key = `${this.scope}|${name}`;
    const now = this.now();
    const [row] = await this.db.transaction((tx) =>
      selectRows<{ attempts: number; endsAt: string }>(
        tx,
        sql`select attempts, (extract(epoch from window_ends_at) * 1000)::bigint::text as "endsAt"
              from private.sign_in_attempts where key = ${key}`,
      ),
    );
    if (!row || Number(row.endsAt) <= now || row.attempts < this.limit) return 0;
    return Math.ceil((Number(row.endsAt) - now) / 1000);
  }

  async hit(name: string): Promise<void> {
    const key = `${this.scope}|${name}`;
    const now = new Date(this.now()).toISOString();
    const endsAt = new Date(this.now() + this.windowMs).toISOString();
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`delete from private.sign_in_attempts where window_ends_at <= ${now}::timestamptz`);
      await tx.execute(sql`insert into private.sign_in_attempts as a (key, attempts, window_ends_at)
      values (${key}, 1, ${endsAt}::timestamptz)
        on conflict (key) do update set attempts = a.attempts + 1`);
    });
  }

  async reset(name: string): Promise<void> {
    const key = `${this.scope}|${name}`;
    await this.db.execute(sql`delete from private.sign_in_attempts where key = ${key}`);
  }
}
