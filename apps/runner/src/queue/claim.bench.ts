import { selectRows } from "@open-trade/db/queries";
import { openIsolatedTestDatabase, type TestConnection } from "@open-trade/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { claimDueQuery, claimOwner } from "../store/schedule.ts";

// Issue 13's claim numbers: EXPLAIN ANALYZE of the exact claim statement (concurrency 8) at 2,000 and 20,000 due
// bots, once with the statistics a quiet queue leaves behind (analysed while nothing was due) and once fresh.
// Needs PostgreSQL (DATABASE_URL); each claim runs in a transaction that is rolled back, so nothing is leased.
const USERS = 200;
const BOTS = 20_000;
const CLAIM = 8;
const RUNS = 5;

let db: TestConnection;
const results: string[] = [];

beforeAll(async () => {
  db = await openIsolatedTestDatabase();
  if (db.kind !== "postgres") return;
  await db.raw.query(
    `insert into auth.users (id, email) select id, id || '@example.test' from (select gen_random_uuid() as id from generate_series(1, ${USERS})) g`,
  );
  await db.raw.query(
    `insert into public.bots (user_id, name, status, priority)
     select u.id, 'bench ' || g, 'paper', g % 7
       from generate_series(1, ${BOTS}) g
       join (select id, row_number() over (order by id) as n from public.users) u on u.n = g % ${USERS} + 1`,
  );
  // Stale statistics must stay stale while a case runs.
  await db.raw.query("alter table public.bot_schedule set (autovacuum_enabled = false)");
});

afterAll(async () => {
  process.stdout.write(`\ndatabase: ${db?.kind}\n${results.join("\n")}\n`);
  await db?.close();
});

async function explainClaim(): Promise<{ execution: number; planning: number }> {
  let timing = { execution: 0, planning: 0 };
  await db.db
    .transaction(async (tx) => {
      const [row] = await selectRows<{
        "QUERY PLAN": [{ "Execution Time": number; "Planning Time": number }];
      }>(
        tx,
        sql`explain (analyze, format json) ${claimDueQuery(Date.now(), CLAIM, 120_000, claimOwner("bench"))}`,
      );
      const plan = row?.["QUERY PLAN"][0];
      timing = { execution: plan?.["Execution Time"] ?? 0, planning: plan?.["Planning Time"] ?? 0 };
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Error && error.message.includes("Rollback"))) throw error;
    });
  return timing;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function measure(due: number, statistics: "stale" | "fresh") {
  await db.raw.query("update public.bot_schedule set next_run_at = now() + interval '1 day'");
  if (statistics === "stale") await db.raw.query("analyze public.bot_schedule, public.bots");
  await db.raw.query(
    `update public.bot_schedule set next_run_at = now() - interval '1 minute' * random()
      where bot_id in (select bot_id from public.bot_schedule order by bot_id limit ${due})`,
  );
  // Vacuumed either way, as autovacuum would; only `analyze` refreshes the statistics the planner reads.
  await db.raw.query(
    statistics === "fresh" ? "vacuum analyze public.bot_schedule, public.bots" : "vacuum public.bot_schedule",
  );
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await explainClaim());
  const exec = median(runs.map((r) => r.execution));
  const plan = median(runs.map((r) => r.planning));
  results.push(
    `claim of ${CLAIM} at ${due} due bots, ${statistics} statistics: execution ${exec.toFixed(2)} ms, planning ${plan.toFixed(2)} ms (median of ${RUNS})`,
  );
}

describe("claim", () => {
  // One iteration each: the statement itself is repeated RUNS times inside.
  for (const due of [2_000, 20_000])
    for (const statistics of ["stale", "fresh"] as const)
      bench.skipIf(!process.env.DATABASE_URL)(
        `claim at ${due} due bots, ${statistics} statistics`,
        () => measure(due, statistics),
        { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
      );
});
