import { afterAll, beforeAll, bench, describe } from "vitest";
import type { Runner } from "./runner.ts";
import { instantModel, TEST_MODEL } from "./testing/instant-model.ts";
import { CHEAP_YES, openRunnerWorld, type RunnerWorld } from "./testing/runner-world.ts";

// Evaluations per second of one runner process: half rule-only bots, half bots asking an instant model,
// all deciding to hold (so every iteration does the same work). DATABASE_URL selects real PostgreSQL.
const BOTS = 40;
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
let bots: string[];
let runner: Runner;
const durations: number[] = [];

beforeAll(async () => {
  w = await openRunnerWorld();
  const users = await Promise.all(Array.from({ length: 10 }, () => w.createUser()));
  bots = await Promise.all(
    Array.from({ length: BOTS }, (_, i) =>
      w.createBot(
        users[i % users.length] ?? "",
        i % 2 === 0 ? { recipe: HOLD_RULES } : { recipe: JUDGED, modelId: TEST_MODEL },
      ),
    ),
  );
  runner = w.runner({ llm: instantModel(() => HOLD).llm, concurrency: 8, marketCacheMs: 1_000 });
  runner.onEvaluation((s) => durations.push(s.durationMs));
});

afterAll(async () => {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  process.stdout.write(
    `evaluations=${sorted.length} p50=${at(0.5)}ms p95=${at(0.95)}ms (per evaluation, instant model)\n`,
  );
  await w?.close();
});

describe("runner throughput", () => {
  bench(
    `tick over ${BOTS} due bots (evaluations/s = ops/s x ${BOTS})`,
    async () => {
      await w.db.raw.query(
        "update public.bot_schedule set next_run_at = now() - interval '1 second' where bot_id = any($1::uuid[])",
        [bots],
      );
      let done = 0;
      while (done < BOTS) done += await runner.tick();
    },
    { iterations: 5, time: 0, warmupIterations: 1 },
  );
});
