import { loadavg } from "node:os";
import { connect } from "@open-trade/db";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { evaluateBot } from "./evaluation/evaluate-bot.ts";
import { createLeaseQueue } from "./queue/lease-queue.ts";
import { instantModel, TEST_MODEL } from "./testing/instant-model.ts";
import { startRunnerProcess } from "./testing/runner-process.ts";
import { CHEAP_YES, MODEL_BUYS_YES, openRunnerWorld, type RunnerWorld } from "./testing/runner-world.ts";
import { startWireCounter, type WireCounts } from "./testing/wire-counter.ts";

// Issue 6's benchmark, on real PostgreSQL when DATABASE_URL is set (PGlite otherwise; the multi-process part
// then cannot run, since PGlite lives inside one process). Every bot decides to hold, so each evaluation does
// the same work: load, market data, decision, record. Numbers are printed when the file ends, with the load
// average: the targets are p95 overhead <= 8 ms and >= 250 evaluations/s (median of 5 runs). On
// PostgreSQL it also counts, on the wire, statements, round trips and transactions per evaluation (claim
// excluded) for a rule-only hold, a model-driven hold and a model-driven buy, with prepared statements on and off.
const USERS = 20;
const BOTS = 200;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const OVERHEAD_SAMPLE = 50;
const WIRE_SAMPLE = 5;

const HOLD_RULES = {
  ...CHEAP_YES,
  entry: {
    ...CHEAP_YES.entry,
    rules: [{ kind: "price_at_most" as const, outcome: "YES" as const, price: "0.01" }],
  },
};
const JUDGED = {
  ...CHEAP_YES,
  entry: { ...CHEAP_YES.entry, judgement: { instruction: "Decide.", minConfidence: 50 } },
};
const HOLD = {
  action: "hold",
  market: null,
  outcome: null,
  amount: null,
  worstPrice: null,
  confidence: 50,
  reasoning: "Nothing to do.",
};

let w: RunnerWorld;
/** Half rule-only, half asking the instant model: the in-process runs. */
let mixed: string[];
/** Rule-only bots for the child processes, which have no model configured. */
let ruleOnly: string[];
/** Per run; the first in-process run is vitest's warm-up and is left out of the median. */
const rates = { inProcess: [] as number[], processes: new Map<number, number[]>() };
const overheads: number[] = [];
const wire: string[] = [];
const load = { start: loadavg(), end: [0, 0, 0] };

beforeAll(async () => {
  w = await openRunnerWorld();
  const users = await Promise.all(Array.from({ length: USERS }, () => w.createUser()));
  const owner = (i: number) => users[i % USERS] ?? "";
  mixed = await Promise.all(
    Array.from({ length: BOTS }, (_, i) =>
      w.createBot(owner(i), i % 2 === 0 ? { recipe: HOLD_RULES } : { recipe: JUDGED, modelId: TEST_MODEL }),
    ),
  );
  ruleOnly = await Promise.all(
    Array.from({ length: BOTS }, (_, i) => w.createBot(owner(i), { recipe: HOLD_RULES })),
  );
  // Nobody is due until a run makes its own bots due.
  await w.db.raw.query("update public.bot_schedule set next_run_at = now() + interval '1 day'");
  await w.db.raw.query(
    "insert into public.bot_schedule (bot_id, next_run_at) select id, now() + interval '1 day' from public.bots on conflict do nothing",
  );
});

afterAll(async () => {
  load.end = loadavg();
  const median = (xs: readonly number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted.length > 0 ? (sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(0) : "n/a";
  };
  const loads = (l: readonly number[]) => l.map((x) => x.toFixed(2)).join(", ");
  const measured = rates.inProcess.slice(1);
  const best = (xs: readonly number[]) => (xs.length > 0 ? Math.max(...xs).toFixed(0) : "n/a");
  const sorted = [...overheads].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(1);
  const one = rates.processes.get(1) ?? [];
  const two = rates.processes.get(2) ?? [];
  const gain = one.length > 0 && two.length > 0 ? (Math.max(...two) / Math.max(...one)).toFixed(2) : "n/a";
  process.stdout.write(
    [
      "",
      `database: ${w?.db.kind}; load average at start ${loads(load.start)}, at end ${loads(load.end)} (1, 5, 15 min)`,
      `one runner, in process, concurrency ${CONCURRENCY}, instant model: median ${median(measured)} evaluations/s of ${measured.length} runs, best ${best(measured)} (runs: ${measured.map((r) => r.toFixed(0)).join(", ")}; warm-up ${rates.inProcess[0]?.toFixed(0) ?? "n/a"})`,
      `overhead per evaluation, one at a time, instant model: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms (n=${sorted.length})`,
      one.length === 0
        ? "main.ts processes on one database: skipped (several processes need DATABASE_URL, a PostgreSQL server)"
        : `main.ts processes on one database, concurrency ${CONCURRENCY} each: 1 → ${best(one)}/s, 2 → ${best(two)}/s, gain x${gain}`,
      ...wire,
      "",
    ].join("\n"),
  );
  await w?.close();
});

async function makeDue(bots: readonly string[]): Promise<number> {
  const { rows } = await w.db.raw.query<{ t: number }>(
    "update public.bot_schedule set next_run_at = now() - interval '1 second' where bot_id = any($1::uuid[]) returning (extract(epoch from now()) * 1000)::float8 as t",
    [bots],
  );
  return rows[0]?.t ?? Date.now();
}

/** Waits until every bot has an evaluation finished at or after `sinceMs` (database time). */
async function allEvaluated(bots: readonly string[], sinceMs: number): Promise<void> {
  for (;;) {
    const { rows } = await w.db.raw.query<{ n: number }>(
      `select count(distinct bot_id)::int as n from public.bot_evaluations
        where bot_id = any($1::uuid[]) and outcome <> 'running' and started_at >= to_timestamp($2 / 1000.0)`,
      [bots, sinceMs],
    );
    if ((rows[0]?.n ?? 0) >= bots.length) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const once = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 };
const five = { iterations: 5, warmupIterations: 1, time: 0, warmupTime: 0 };

/** Evaluates each bot once, directly (its lease claimed first), and averages what the wire carried. */
async function countOnTheWire(
  label: string,
  prepared: boolean,
  bots: readonly string[],
  answer: () => unknown,
): Promise<void> {
  if (!w.db.url) return;
  const counter = await startWireCounter(w.db.url);
  // One connection, as a runner slot uses one at a time; the first evaluation warms its statement cache and
  // is not counted (a runner's connections live for hours).
  const connection = await connect(
    { kind: "postgres", url: counter.url, preparedStatements: prepared },
    { maxConnections: 1 },
  );
  try {
    const queue = createLeaseQueue(connection.db, `wire-${label}`, 120_000);
    const deps = {
      db: connection.db,
      marketData: w.marketData,
      live: () => Promise.reject(new Error("paper only")),
      llm: instantModel(answer).llm,
      runnerId: "wire",
      lockMs: 60_000,
      now: () => Date.now(),
      simulatedMarkets: false,
    };
    const total = { statements: 0, transactions: 0, roundTrips: 0 };
    for (const [i, bot] of bots.entries()) {
      const claim = await queue.claimOne(bot, Date.now());
      if (claim.kind !== "claimed") throw new Error(`bot ${bot} could not be claimed`);
      counter.reset();
      await evaluateBot(deps, claim.lease);
      if (i === 0) continue;
      const counts: WireCounts = counter.counts();
      total.statements += counts.statements;
      total.transactions += counts.transactions;
      total.roundTrips += counts.roundTrips;
    }
    const counted = bots.length - 1;
    const per = (n: number) => (n / counted).toFixed(1);
    wire.push(
      `on the wire, ${label}, prepared statements ${prepared ? "on" : "off"}: ${per(total.statements)} statements, ${per(total.roundTrips)} round trips, ${per(total.transactions)} transactions per evaluation (claim excluded, n=${counted})`,
    );
  } finally {
    await connection.close();
    await counter.close();
  }
}

describe("runner", () => {
  bench(
    `one process: ${BOTS} due bots, concurrency ${CONCURRENCY}`,
    async () => {
      const runner = w.runner({
        llm: instantModel(() => HOLD).llm,
        concurrency: CONCURRENCY,
        marketCacheMs: 1_000,
        pollMs: 10,
      });
      let done = 0;
      const finished = new Promise<void>((resolve) => {
        runner.onEvaluation(() => {
          done += 1;
          if (done === BOTS) resolve();
        });
      });
      await makeDue(mixed);
      const started = performance.now();
      runner.start();
      await finished;
      rates.inProcess.push((BOTS * 1000) / (performance.now() - started));
      await runner.stop();
    },
    five,
  );

  bench(
    `overhead: ${OVERHEAD_SAMPLE} evaluations one at a time`,
    async () => {
      const runner = w.runner({ llm: instantModel(() => HOLD).llm, concurrency: 1, marketCacheMs: 1_000 });
      // The instant model answers at once, so an evaluation's duration is the runner's own overhead.
      runner.onEvaluation((s) => overheads.push(s.durationMs));
      await makeDue(mixed.slice(0, OVERHEAD_SAMPLE));
      for (const bot of mixed.slice(0, OVERHEAD_SAMPLE)) await runner.runNow(bot);
    },
    once,
  );

  bench.skipIf(!process.env.DATABASE_URL)(
    "on the wire: statements, round trips and transactions per evaluation",
    async () => {
      for (const prepared of [true, false]) {
        const user = await w.createUser("pro");
        const fresh = (fields: Parameters<RunnerWorld["createBot"]>[1]) =>
          Promise.all(Array.from({ length: WIRE_SAMPLE + 1 }, () => w.createBot(user, fields)));
        await countOnTheWire("rule-only hold", prepared, await fresh({ recipe: HOLD_RULES }), () => HOLD);
        const judged = { recipe: JUDGED, modelId: TEST_MODEL };
        await countOnTheWire("model-driven hold", prepared, await fresh(judged), () => HOLD);
        await countOnTheWire("model-driven buy", prepared, await fresh(judged), () => MODEL_BUYS_YES);
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );

  for (const count of [1, 2]) {
    bench.skipIf(!process.env.DATABASE_URL)(
      `${count} main.ts process(es): ${BOTS} due rule-only bots`,
      async () => {
        const children = Array.from({ length: count }, (_, i) =>
          startRunnerProcess({
            env: {
              ...w.processEnv(),
              LOG_LEVEL: "error",
              RUNNER_ID: `bench-${count}-${i}`,
              RUNNER_CONCURRENCY: String(CONCURRENCY),
              RUNNER_POLL_MS: "10",
            },
          }),
        );
        try {
          await Promise.all(children.map((c) => c.ready));
          const since = await makeDue(ruleOnly);
          const started = performance.now();
          await allEvaluated(ruleOnly, since);
          const list = rates.processes.get(count) ?? [];
          list.push((BOTS * 1000) / (performance.now() - started));
          rates.processes.set(count, list);
        } finally {
          await Promise.all(children.map((c) => c.stop()));
        }
      },
      once,
    );
  }
});
