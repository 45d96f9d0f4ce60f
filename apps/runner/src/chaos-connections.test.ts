import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectPositionsFoldLedger } from "./testing/expect-positions-fold-ledger.ts";
import { startRunnerProcess } from "./testing/runner-process.ts";
import { openRunnerWorld, type RunnerWorld } from "./testing/runner-world.ts";

// Issue 13, defect 2: PostgreSQL terminates the runner's connections (a failover, an operator, a pooler
// restart) every 700 ms for 10 s while it evaluates. postgres.js 3.4.9 then threw `Cannot read properties of
// null (reading 'write')` from a setImmediate callback and the process died (3 of 6 runs); the patched driver
// (patches/postgres@3.4.9.patch) fails the affected queries instead. The process must stay up and, once the
// fault stops, evaluate again by itself. CHAOS_CONNECTION_RUNS=<n> repeats the scenario (the issue asks 10 of 10).

const FAULT_MS = 10_000;
const TERMINATE_EVERY_MS = 700;
const APP_NAME = "open-trade-chaos-connections";
const RUNS = Number(process.env.CHAOS_CONNECTION_RUNS ?? 2);
const dbUrl = process.env.DATABASE_URL;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!dbUrl)(
  "chaos: the runner's database connections terminated (skipped without DATABASE_URL: PGlite has no connections to kill)",
  () => {
    let w: RunnerWorld;
    beforeAll(async () => {
      w = await openRunnerWorld();
    });
    afterAll(async () => {
      await w?.close();
    });

    const q = async <T>(text: string, params: unknown[] = []) => (await w.db.raw.query<T>(text, params)).rows;
    const finished = async () =>
      (
        await q<{ n: number }>(
          "select count(*)::int as n from public.bot_evaluations where outcome <> 'running' and runner_id = $1",
          [APP_NAME],
        )
      )[0]?.n ?? 0;

    it.each(Array.from({ length: RUNS }, (_, i) => i + 1))(
      "when its connections are terminated every 700 ms for 10 s then the runner stays up and recovers (run %i)",
      async () => {
        const user = await w.createUser("pro");
        const bots = await Promise.all(Array.from({ length: 12 }, () => w.createBot(user)));
        const child = startRunnerProcess({
          env: {
            ...w.processEnv(),
            // Tags the runner's connections, so only they are terminated (never this test's own).
            PGAPPNAME: APP_NAME,
            RUNNER_ID: APP_NAME,
            RUNNER_CONCURRENCY: "8",
            RUNNER_LEASE_SECONDS: "2",
            RUNNER_LOCK_SECONDS: "2",
            RUNNER_POLL_MS: "50",
          },
        });
        try {
          await child.ready;
          const due = () =>
            q("update public.bot_schedule set next_run_at = now() where bot_id = any($1::uuid[])", [bots]);
          let terminated = 0;
          const until = Date.now() + FAULT_MS;
          while (Date.now() < until && child.alive()) {
            await due();
            const killed = await q<{ n: number }>(
              `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
              where application_name = $1 and datname = current_database()`,
              [APP_NAME],
            );
            terminated += killed[0]?.n ?? 0;
            await sleep(TERMINATE_EVERY_MS);
          }
          expect({ alive: child.alive(), tail: child.alive() ? "" : child.tail(20) }).toEqual({
            alive: true,
            tail: "",
          });
          expect(terminated).toBeGreaterThan(0);
          // Recovery: with the fault gone, the same process evaluates the bots again by itself. (Bots the faults
          // failed five times in a row were stopped in `error`, as they should be; their owner resumes them.)
          await q(
            "update public.bots set status = 'paper' where id = any($1::uuid[]) and status <> 'paper'",
            [bots],
          );
          const before = await finished();
          await due();
          const deadline = Date.now() + 20_000;
          while ((await finished()) < before + bots.length && Date.now() < deadline) await sleep(200);
          expect(await finished()).toBeGreaterThanOrEqual(before + bots.length);
          expect(child.alive()).toBe(true);
          const exit = await child.stop();
          expect(exit.code).toBe(0);
          await expectPositionsFoldLedger(w.db.raw, bots);
        } finally {
          if (child.alive()) await child.kill();
        }
      },
    );
  },
);
