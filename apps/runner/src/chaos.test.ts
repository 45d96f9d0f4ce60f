import { notional, price, shares, usd } from "@open-trade/risk-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLeaseQueue } from "./queue/lease-queue.ts";
import { expectPositionsFoldLedger } from "./testing/expect-positions-fold-ledger.ts";
import { openRunnerWorld, type RunnerWorld } from "./testing/runner-world.ts";

// A small in-process chaos run: three runners share one database; each round one of them "dies" holding
// leases (it claims and never releases), the exchange fails some book requests, and the survivors go on.
// Afterwards the ledger, positions, locks, budgets and evaluation records must still be consistent.
const USERS = 4;
const BOTS_PER_USER = 3;
const ROUNDS = 6;

let w: RunnerWorld;
beforeAll(async () => {
  w = await openRunnerWorld();
});
afterAll(async () => {
  await w?.close();
});

// Its six rounds take ~25 s on a quiet machine and over 60 s (the default timeout) on a loaded one; a timeout
// here is no speed target (that is the bench's), only a bound on a hang.
describe("chaos", { timeout: 180_000 }, () => {
  it("when runners die and the exchange fails at random then positions fold the ledger, budgets hold and nothing is left running", async () => {
    const users = await Promise.all(
      Array.from({ length: USERS }, () => w.createUser("pro", { globalBudget: "12" })),
    );
    const bots = (
      await Promise.all(
        users.map((u) => Promise.all(Array.from({ length: BOTS_PER_USER }, () => w.createBot(u)))),
      )
    ).flat();
    const runners = [0, 1, 2].map((i) =>
      w.runner({ runnerId: `chaos-${i}`, concurrency: 4, leaseMs: 1_000 }),
    );
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      await w.db.raw.query(
        "update public.bot_schedule set next_run_at = now() where bot_id = any($1::uuid[])",
        [bots],
      );
      if (random() < 0.5)
        w.exchange.injectFault({ kind: "status", status: 503, match: { path: "/books" }, times: 2 });
      // The dead runner takes some leases and never comes back; they expire after leaseMs.
      await createLeaseQueue(w.db.db, `dead-${round}`, 1_000).claimDue(Date.now(), Math.floor(random() * 4));
      await Promise.all(runners.map((r) => r.tick()));
      w.exchange.clearFaults();
      await new Promise((r) => setTimeout(r, 1_100));
    }
    await Promise.all(runners.map((r) => r.stop()));

    const { rows: traded } = await w.db.raw.query<{ n: number }>(
      "select count(*)::int as n from public.trade_logs where bot_id = any($1::uuid[])",
      [bots],
    );
    expect(traded[0]?.n).toBeGreaterThan(0);
    await expectPositionsFoldLedger(w.db.raw, bots);
    for (const user of users) {
      const { rows } = await w.db.raw.query<{ size: string; price: string }>(
        "select t.size::text as size, t.execution_price::text as price from public.trade_logs t join public.bots b on b.id = t.bot_id where b.user_id = $1",
        [user],
      );
      const spent = rows.reduce((sum, r) => sum + notional(shares(r.size), price(r.price), "up"), 0n);
      expect(spent <= usd("12")).toBe(true);
    }
    const { rows: checks } = await w.db.raw.query<{
      running: number;
      open_intents: number;
      live_locks: number;
      orders: number;
      distinct_orders: number;
    }>(
      `select (select count(*)::int from public.bot_evaluations where bot_id = any($1::uuid[]) and outcome = 'running') as running,
              (select count(*)::int from public.order_intents where bot_id = any($1::uuid[]) and status in ('prepared', 'submitted')) as open_intents,
              (select count(*)::int from public.bot_coordination_locks where locked_by_bot_id = any($1::uuid[]) and expires_at > now()) as live_locks,
              (select count(*)::int from public.trade_logs where bot_id = any($1::uuid[])) as orders,
              (select count(distinct order_id)::int from public.trade_logs where bot_id = any($1::uuid[])) as distinct_orders`,
      [bots],
    );
    expect(checks[0]).toMatchObject({ running: 0, open_intents: 0, live_locks: 0 });
    expect(checks[0]?.orders).toBe(checks[0]?.distinct_orders);
  });
});
