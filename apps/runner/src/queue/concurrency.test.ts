import { notional, price, shares, usd } from "@open-trade/risk-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHEAP_YES, openRunnerWorld, type RunnerWorld } from "../testing/runner-world.ts";
import { createLeaseQueue } from "./lease-queue.ts";

let w: RunnerWorld;
beforeAll(async () => {
  w = await openRunnerWorld();
});
afterAll(async () => {
  await w?.close();
});

describe("two runners on one database", () => {
  it("when both tick at once then no bot is evaluated twice and the user's global budget is never exceeded", async () => {
    const user = await w.createUser("pro", { globalBudget: "12" });
    const bots = await Promise.all(Array.from({ length: 6 }, (_, i) => w.createBot(user, { priority: i })));
    const a = w.runner({ concurrency: 6 });
    const b = w.runner({ concurrency: 6 });
    const rounds = 4;
    for (let round = 0; round < rounds; round += 1) {
      const [ranA, ranB] = await Promise.all([a.tick(), b.tick()]);
      expect(ranA + ranB).toBe(bots.length);
      await w.db.raw.query(
        "update public.bot_schedule set next_run_at = now() where bot_id = any($1::uuid[])",
        [bots],
      );
    }

    const { rows: evaluations } = await w.db.raw.query<{ bot_id: string; n: number }>(
      "select bot_id, count(*)::int as n from public.bot_evaluations where bot_id = any($1::uuid[]) group by bot_id",
      [bots],
    );
    expect(evaluations.map((r) => r.n)).toEqual(bots.map(() => rounds));

    const { rows: fills } = await w.db.raw.query<{ size: string; price: string }>(
      "select t.size::text as size, t.execution_price::text as price from public.trade_logs t where t.bot_id = any($1::uuid[])",
      [bots],
    );
    const spent = fills.reduce((sum, f) => sum + notional(shares(f.size), price(f.price), "up"), 0n);
    expect(fills.length).toBeGreaterThan(1);
    expect(spent <= usd("12")).toBe(true);
    const { rows: denied } = await w.db.raw.query<{ codes: string[] }>(
      "select to_jsonb(denial_codes) as codes from public.bot_evaluations where bot_id = any($1::uuid[]) and outcome = 'denied'",
      [bots],
    );
    const codes = new Set(denied.flatMap((r) => r.codes));
    // Two of the user's bots never trade one market at once (the coordination lock), and the budget holds.
    expect([...codes].sort()).toEqual(["GLOBAL_RISK_BUDGET_EXCEEDED", "MARKET_LOCKED"]);
  });

  it("when both claim the same due bots then each bot gets exactly one lease", async () => {
    const user = await w.createUser();
    const bots = await Promise.all(Array.from({ length: 8 }, () => w.createBot(user, { status: "paused" })));
    await w.db.raw.query("insert into public.bot_schedule (bot_id) select unnest($1::uuid[])", [bots]);
    await w.db.raw.query("update public.bots set status = 'paper' where id = any($1::uuid[])", [bots]);
    const { createLeaseQueue } = await import("./lease-queue.ts");
    const first = createLeaseQueue(w.db.db, "runner-a", 60_000);
    const second = createLeaseQueue(w.db.db, "runner-b", 60_000);
    const now = Date.now();
    const [x, y] = await Promise.all([first.claimDue(now, 100), second.claimDue(now, 100)]);
    const mine = (leases: { botId: string }[]) =>
      leases.map((l) => l.botId).filter((id) => bots.includes(id));
    const claimed = [...mine(x), ...mine(y)];
    expect(claimed.sort()).toEqual([...bots].sort());
  });
});

describe("claim order", () => {
  it("when a user's bots are all due then the highest priority is claimed first, going round the users by rank", async () => {
    const alice = await w.createUser();
    const bob = await w.createUser();
    const hold = { recipe: { ...CHEAP_YES, entry: { ...CHEAP_YES.entry, rules: [] } } };
    const a = await Promise.all([0, 9, 5].map((priority) => w.createBot(alice, { ...hold, priority })));
    const b = await Promise.all([1, 7].map((priority) => w.createBot(bob, { ...hold, priority })));
    const queue = createLeaseQueue(w.db.db, "ordering-runner", 60_000);
    // Only these five are due (earlier tests' bots wait), so the order below is theirs alone.
    await w.db.raw.query(
      "update public.bot_schedule set next_run_at = now() + interval '1 day' where not (bot_id = any($1::uuid[]))",
      [[...a, ...b]],
    );
    // Alice's bots came due first, so earliest-due alone would hand her all three before Bob's first.
    await w.db.raw.query(
      "update public.bot_schedule set next_run_at = now() - interval '1 minute' where bot_id = any($1::uuid[])",
      [a],
    );
    await w.db.raw.query(
      "update public.bot_schedule set next_run_at = now() where bot_id = any($1::uuid[])",
      [b],
    );
    const order: string[] = [];
    for (;;) {
      const [lease] = await queue.claimDue(Date.now(), 1);
      if (!lease) break;
      if ([...a, ...b].includes(lease.botId)) order.push(lease.botId);
    }
    expect(order).toEqual([a[1], b[1], a[2], b[0], a[0]]);
  });
});
