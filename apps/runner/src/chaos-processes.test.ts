import { randomBytes } from "node:crypto";
import { storeCredentials } from "@open-trade/db";
import { asService, parseOpeningKeys } from "@open-trade/db/service";
import type { Recipe } from "@open-trade/llm";
// The runner's children reach the llm package's OpenRouter stand-in over HTTP.
import { answer, type StandIn, startStandIn } from "@open-trade/llm/stand-in";
import type { FaultSpec } from "@open-trade/polymarket";
import { applyFill, FLAT, type Position, price, shares, usd } from "@open-trade/risk-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectPositionsFoldLedger } from "./testing/expect-positions-fold-ledger.ts";
import { type RunnerProcess, startRunnerProcess } from "./testing/runner-process.ts";
import {
  BOOK,
  CHEAP_YES,
  MODEL_BUYS_YES,
  openRunnerWorld,
  type RunnerWorld,
} from "./testing/runner-world.ts";

// Issue 6's chaos test with real OS processes: three `src/main.ts` runners share one PostgreSQL database while
// 50 bots of 10 users (live through the real CLOB client, paper, rule-only and model-driven) run 20 rounds, runners
// are SIGKILLed at random moments and the stand-in exchange fails. Afterwards the ledger, positions, the exchange's
// own record, the limits, locks and evaluation records must agree. CHAOS_SEED=<n> replays a run's choices.

const USERS = 10;
const BOTS_PER_USER = 5;
const ROUNDS = 20;
/** The last rounds run without faults or kills, so every interrupted order gets reconciled. */
const QUIET_ROUNDS = 2;
const PROCESSES = 3;
/** Markets besides the world's own, so rule-only bots trade more than once (they never buy a market they hold). */
const EXTRA_MARKETS = [
  { question: "Will the chaos committee report on time?", feeRateBps: 0 },
  { question: "Will the chaos bill pass with fees?", feeRateBps: 700 },
];
/** Short, so a killed runner's bots come back within a round; still above any evaluation here, faults included. */
const LEASE_SECONDS = 3;
const LOCK_SECONDS = 3;
const ROUND_TIMEOUT_MS = 30_000;
/** The runner's default market-data cache window (runner.ts). */
const MARKET_CACHE_MS = 1_000;
const MODEL = "chaos/model";
const RUNNABLE = ["paper", "live", "paused:ai_unavailable"];
const SETTLED = ["filled", "rejected", "abandoned"];

/** Buys YES at 0.60 or less and takes profit at +20%, so a rally round sells and frees budget to cross again. */
const SWING: Recipe = { ...CHEAP_YES, exits: { ...CHEAP_YES.exits, takeProfitBps: 2_000 } };
const JUDGED: Recipe = {
  ...SWING,
  entry: { ...SWING.entry, judgement: { instruction: "Buy when it looks cheap.", minConfidence: 50 } },
};
/** Every third round the books rally above every take-profit (0.52 * 1.2 < 0.66) and nothing is cheap. */
const RALLY_BOOK = {
  bids: [{ price: "0.66", size: "10000" }],
  asks: [{ price: "0.68", size: "10000" }],
};

interface PlannedBot {
  readonly id: string;
  readonly userId: string;
  readonly live: boolean;
  readonly model: boolean;
  readonly globalBudgetUsd: string;
  readonly maxPositionUsd: string;
  readonly maxTradesPerDay: number;
}

interface LedgerRow {
  readonly bot_id: string;
  readonly user_id: string;
  readonly type: "paper" | "live";
  readonly market_id: string;
  readonly token_id: string;
  readonly order_id: string;
  readonly action: string;
  readonly size: string;
  readonly price: string;
  readonly fee: string;
  readonly day: string;
}

interface IntentRow {
  readonly order_id: string;
  readonly user_id: string;
  readonly evaluation_id: string;
  readonly mode: string;
  readonly status: string;
  readonly failure_code: string | null;
}

const dbUrl = process.env.DATABASE_URL;

describe.skipIf(!dbUrl)(
  "chaos across runner processes (skipped without DATABASE_URL: several processes need a PostgreSQL server; PGlite lives inside one process)",
  () => {
    const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = prng(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const keyringText = `k1:${randomBytes(32).toString("base64")}`;
    let w: RunnerWorld;
    let model: StandIn;
    let url: string;
    let tokens: string[] = [];
    const children: RunnerProcess[] = [];
    const killed = new Set<string>();
    const faultLog: string[] = [];
    let lastKillAt = 0;

    const q = async <T>(text: string, params: unknown[] = []) => (await w.db.raw.query<T>(text, params)).rows;
    const tails = () => children.map((c) => c.tail(15)).join("\n");

    const startRunner = () => {
      const child = startRunnerProcess({
        env: {
          ...w.processEnv(),
          RUNNER_ID: `chaos-p${children.length + 1}`,
          RUNNER_CONCURRENCY: "4",
          RUNNER_LEASE_SECONDS: String(LEASE_SECONDS),
          RUNNER_LOCK_SECONDS: String(LOCK_SECONDS),
          RUNNER_POLL_MS: "100",
          OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS: keyringText,
          OPENROUTER_API_KEY: "sk-chaos-test",
          OPENROUTER_BASE_URL: model.baseURL,
          LOG_LEVEL: "warn",
        },
      });
      children.push(child);
      return child;
    };

    beforeAll(async () => {
      process.stdout.write(`chaos-processes: seed ${seed} (replay with CHAOS_SEED=${seed})\n`);
      w = await openRunnerWorld();
      const { db } = w;
      if (!db.url) throw new Error("The isolated test database has no URL to give the runner processes.");
      url = db.url;
      const extra = EXTRA_MARKETS.map((spec) =>
        w.exchange.addMarket({ ...spec, category: "politics" }, BOOK),
      );
      tokens = [w.market, ...extra].map((m) => m.tokens[0]?.tokenId ?? "");
      model = await startStandIn({
        modelsJson: {
          data: [
            {
              id: MODEL,
              name: "Chaos model",
              context_length: 128_000,
              pricing: { prompt: "0.00000015", completion: "0.0000006" },
            },
          ],
        },
      });
      // Every model call gets the same decision; far more answers than 20 rounds can use.
      model.script(MODEL, ...Array.from({ length: 5_000 }, () => answer(MODEL_BUYS_YES)));
    });

    afterAll(async () => {
      await Promise.all(children.map((c) => c.kill()));
      await model?.close();
      // CHAOS_KEEP_DB=1 leaves the database for inspection after a failure.
      if (process.env.CHAOS_KEEP_DB) process.stdout.write(`chaos-processes: database kept at ${url}\n`);
      else await w?.close();
    });

    it("when runner processes are killed mid-round and the exchange fails then ledger, positions, exchange, limits, locks and records agree", async () => {
      const began = Date.now();
      const bots = await createBots();
      const botIds = bots.map((b) => b.id);
      for (let i = 0; i < PROCESSES; i += 1) startRunner();
      await Promise.all(children.map((c) => c.ready));
      for (let round = 0; round < ROUNDS; round += 1) await runRound(round, botIds);

      // Replacements must be up before the orderly stop, or SIGTERM would find one still starting.
      const alive = children.filter((c) => c.alive());
      await Promise.all(alive.map((c) => c.ready));
      const exits = await Promise.all(alive.map((c) => c.stop()));
      expect(exits, tails()).toEqual(alive.map(() => ({ code: 0, signal: null })));
      // A killed runner's coordination locks expire by themselves; wait that long past the last kill.
      const expiry = lastKillAt + LOCK_SECONDS * 1_000 + 100;
      if (Date.now() < expiry) await sleep(expiry - Date.now());

      const ledger = await q<LedgerRow>(
        `select t.bot_id, b.user_id, t.type::text as type, t.market_id, t.token_id, t.order_id,
                t.action::text as action, t.size::text as size, t.execution_price::text as price,
                t.fee_usd::text as fee, to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD') as day
           from public.trade_logs t join public.bots b on b.id = t.bot_id
          where t.bot_id = any($1::uuid[]) order by t.created_at, t.id`,
        [botIds],
      );
      const intents = await q<IntentRow>(
        `select order_id, user_id, evaluation_id, mode::text as mode, status::text as status, failure_code
           from public.order_intents where bot_id = any($1::uuid[])`,
        [botIds],
      );
      const outcomes = await q<{ outcome: string; n: number }>(
        `select outcome::text as outcome, count(*)::int as n from public.bot_evaluations
          where bot_id = any($1::uuid[]) group by 1`,
        [botIds],
      );
      const denials = await q<{ code: string; n: number }>(
        `select code, count(*)::int as n from public.bot_evaluations, unnest(denial_codes) as code
          where bot_id = any($1::uuid[]) group by code`,
        [botIds],
      );
      const denied = Object.fromEntries(denials.map((d) => [d.code, d.n]));
      const modelBots = new Set(bots.filter((b) => b.model).map((b) => b.id));
      const fills = {
        live: ledger.filter((r) => r.type === "live").length,
        paper: ledger.filter((r) => r.type === "paper").length,
        model: ledger.filter((r) => modelBots.has(r.bot_id)).length,
      };
      const summary = {
        seed,
        seconds: Math.round((Date.now() - began) / 1000),
        processes: children.length,
        killed: [...killed],
        faults: faultLog.length,
        fills,
        outcomes: Object.fromEntries(outcomes.map((o) => [o.outcome, o.n])),
        denied,
        intents: countBy(intents.map((i) => `${i.status}${i.failure_code ? `:${i.failure_code}` : ""}`)),
      };
      process.stdout.write(`chaos-processes: ${JSON.stringify(summary)}\n`);

      await expectPositionsFoldLedger(w.db.raw, botIds);
      expectNoOrderTwice(ledger, intents);
      expectLimitsHeld(bots, ledger);
      // Each limit must have stopped some order, or the check above would prove nothing. The decision step
      // already sizes within a bot's own limits (a rule holds, a model's decision is rejected); the risk engine
      // denies what a decision could not see, such as the user's global budget or another process's order.
      const [bound] = await q<{ budget: number; position: number; trades: number }>(
        `select count(*) filter (where 'GLOBAL_RISK_BUDGET_EXCEEDED' = any(denial_codes))::int as budget,
                count(*) filter (where 'MAX_POSITION_SIZE_EXCEEDED' = any(denial_codes)
                                    or reason like '%SIZE_OVER_ROOM%')::int as position,
                count(*) filter (where 'MAX_TRADES_PER_DAY_REACHED' = any(denial_codes)
                                    or reason like '%max_trades_per_day%' or reason like '%NO_TRADES_LEFT%')::int as trades
           from public.bot_evaluations where bot_id = any($1::uuid[])`,
        [botIds],
      );
      expect(
        Math.min(bound?.budget ?? 0, bound?.position ?? 0, bound?.trades ?? 0),
        JSON.stringify(bound),
      ).toBeGreaterThan(0);
      await expectLocksReleased(botIds);
      await expectEveryEvaluationRecorded(botIds);
      expect(
        intents.filter((i) => !SETTLED.includes(i.status)),
        "unsettled order intents",
      ).toEqual([]);
      const untraced = await q<{ order_id: string }>(
        `select t.order_id from public.trade_logs t
           left join public.order_intents i on i.order_id = t.order_id
           left join public.bot_evaluations e on e.id = i.evaluation_id
          where t.bot_id = any($1::uuid[]) and e.id is null`,
        [botIds],
      );
      expect(untraced, "fills without an intent and the evaluation that decided it").toEqual([]);
      // The run did what it claims to: kills, a lost answer reconciled into a fill, live, paper and model fills.
      expect(killed.size).toBeGreaterThan(0);
      expect(
        intents.filter((i) => i.status === "filled" && i.failure_code !== null).length,
        "ambiguous orders reconciled into fills",
      ).toBeGreaterThan(0);
      expect(Math.min(fills.live, fills.paper, fills.model), JSON.stringify(fills)).toBeGreaterThan(0);
    }, 180_000);

    /** 10 users with global budgets, 5 bots each with position and trade limits small enough to bind. */
    async function createBots(): Promise<PlannedBot[]> {
      const sealer = parseOpeningKeys(keyringText).active;
      const bots: PlannedBot[] = [];
      for (let u = 0; u < USERS; u += 1) {
        // The model bots' owners get room to spare, so those bots run into their own limits instead.
        const globalBudgetUsd = u % 3 === 2 ? "500" : pick(["15", "25", "40"]);
        const userId = await w.createUser("pro", { globalBudget: globalBudgetUsd });
        // Users 0-3 trade live, 4-7 on paper, 8-9 both; users 2, 5 and 8 have a model-driven bot.
        // Each live user has a wallet key of their own, so each is a separate account on the exchange.
        if (u < 4 || u >= 8) {
          const privateKey = `0x${randomBytes(32).toString("hex")}`;
          await asService(w.db.db, (tx) => storeCredentials(tx, sealer, userId, { privateKey }));
        }
        for (let b = 0; b < BOTS_PER_USER; b += 1) {
          const live = u < 4 || (u >= 8 && b % 2 === 0);
          const modelDriven = b === BOTS_PER_USER - 1 && u % 3 === 2;
          // The model answers "buy" whatever the bot holds, so model bots run into their own limits: room for one
          // $5 order per position (a rule-only bot never buys a market it holds), or two trades a day.
          const maxPositionUsd = modelDriven ? (u === 5 ? "500" : "6") : pick(["10", "15", "500"]);
          const maxTradesPerDay = modelDriven ? (u === 5 ? 2 : 50) : pick([2, 4, 50]);
          const id = await w.createBot(userId, {
            status: live ? "live" : "paper",
            maxPositionSizeUsd: maxPositionUsd,
            ...(modelDriven ? { recipe: JUDGED, modelId: MODEL } : { recipe: SWING }),
          });
          await q("update public.bots set max_trades_per_day = $2 where id = $1", [id, maxTradesPerDay]);
          bots.push({
            id,
            userId,
            live,
            model: modelDriven,
            globalBudgetUsd,
            maxPositionUsd,
            maxTradesPerDay,
          });
        }
      }
      // Not due until round 0 makes them due: an evaluation still in flight when a round begins would release
      // its lease with the next run minutes away, and the round would wait for it in vain.
      await q(
        `insert into public.bot_schedule (bot_id, next_run_at)
         select id, now() + interval '1 day' from unnest($1::uuid[]) as id`,
        [bots.map((b) => b.id)],
      );
      return bots;
    }

    function injectFault(round: number, fault: FaultSpec): void {
      faultLog.push(`round ${round}: ${JSON.stringify(fault, (_, v) => (v instanceof RegExp ? `${v}` : v))}`);
      w.exchange.injectFault(fault);
    }

    /** Faults on, every bot due, maybe a runner SIGKILLed at a random moment (and replaced); then wait it out. */
    async function runRound(round: number, botIds: readonly string[]): Promise<void> {
      const quiet = round >= ROUNDS - QUIET_ROUNDS;
      w.exchange.clearFaults();
      // The stand-in mirrors house liquidity onto NO; orders resting from users stay.
      const book = round % 3 === 2 ? RALLY_BOOK : BOOK;
      for (const token of tokens) w.exchange.setBook(token, book);
      // Runners share market data for a second (the runner's market cache); a move is let settle first, or
      // orders decided on the old book would fail as slippage and, five in a row, stop their bots.
      if (round > 0 && (round % 3 === 2 || round % 3 === 0)) await sleep(MARKET_CACHE_MS + 100);
      const faults = quiet ? 0 : Math.floor(random() * 3);
      // Round 0 always loses the answer to an order the exchange placed, so every seed exercises reconciliation.
      if (round === 0) injectFault(round, { ...AMBIGUOUS_ORDER, times: 2 });
      for (let f = 0; f < faults; f += 1) injectFault(round, randomFault(random, pick));
      const roundStart = new Date();
      await q("update public.bot_schedule set next_run_at = now() where bot_id = any($1::uuid[])", [botIds]);
      // Round 1 always loses a runner, so every seed exercises a kill.
      const kill = !quiet && (round === 1 || random() < 0.5);
      const killAfterMs = Math.floor(random() * 1_500);
      const killing = kill
        ? sleep(killAfterMs).then(async () => {
            const victim = pick(children.filter((c) => c.alive()));
            // The round may have failed meanwhile and afterAll killed everyone.
            if (!victim) return;
            killed.add(victim.name);
            lastKillAt = Date.now();
            await victim.kill();
            startRunner();
          })
        : Promise.resolve();
      try {
        await waitForRound(roundStart, round, botIds);
      } finally {
        await killing;
      }
    }

    /**
     * A round is over when every runnable bot has a finished evaluation that began in it and no bot is leased:
     * a killed runner's evaluation is closed as failed when its bot is claimed again, while the new one runs.
     */
    async function waitForRound(roundStart: Date, round: number, botIds: readonly string[]): Promise<void> {
      const deadline = Date.now() + ROUND_TIMEOUT_MS;
      for (;;) {
        const pending = await q<{
          id: string;
          status: string;
          lease_owner: string | null;
          next_run_at: string;
        }>(
          `select b.id, b.status::text as status, s.lease_owner, s.next_run_at::text as next_run_at
             from public.bots b left join public.bot_schedule s on s.bot_id = b.id
            where b.id = any($1::uuid[]) and b.status::text = any($2::text[])
              and (s.lease_owner is not null
                   or not exists (select 1 from public.bot_evaluations e
                                   where e.bot_id = b.id and e.started_at >= $3 and e.outcome <> 'running'))`,
          [botIds, RUNNABLE, roundStart.toISOString()],
        );
        if (pending.length === 0) return;
        if (Date.now() > deadline) {
          const recent = await q(
            `select bot_id, runner_id, outcome::text as outcome, started_at::text as started,
                    finished_at::text as finished, reason
               from public.bot_evaluations where bot_id = any($1::uuid[]) order by started_at desc limit 12`,
            [pending.slice(0, 4).map((p) => p.id)],
          );
          throw new Error(
            [
              `Round ${round} (seed ${seed}, began ${roundStart.toISOString()}): ${pending.length} bots had no finished evaluation after ${ROUND_TIMEOUT_MS} ms:`,
              JSON.stringify(pending.slice(0, 4)),
              `Their latest evaluations: ${JSON.stringify(recent, null, 1)}`,
              `Killed: ${[...killed].join(", ")}`,
              `Faults: ${faultLog.slice(-5).join("; ")}`,
              tails(),
            ].join("\n"),
          );
        }
        await sleep(100);
      }
    }

    /**
     * No order reached the exchange twice: every exchange order has its write-ahead intent, no evaluation placed
     * two, every exchange fill is exactly one live ledger row of the same size, and each live user's account on
     * the exchange holds what their live ledger rows add up to.
     */
    function expectNoOrderTwice(ledger: readonly LedgerRow[], intents: readonly IntentRow[]) {
      const intentOf = new Map(intents.map((i) => [i.order_id, i]));
      expect(new Set(ledger.map((r) => r.order_id)).size, "one ledger row per order").toBe(ledger.length);
      const orders = w.exchange.inspect.orders();
      const perEvaluation = countBy(orders.map((o) => intentOf.get(o.id)?.evaluation_id ?? "no intent"));
      expect(perEvaluation["no intent"], "exchange orders without a write-ahead intent").toBeUndefined();
      expect(
        Object.entries(perEvaluation).filter(([, n]) => n > 1),
        "evaluations that placed more than one exchange order",
      ).toEqual([]);
      const live = ledger.filter((r) => r.type === "live");
      const matched = new Map(orders.filter((o) => shares(o.size_matched) > 0n).map((o) => [o.id, o]));
      const booked = new Set(live.map((r) => r.order_id));
      expect(
        {
          filledButNotBooked: [...matched.keys()]
            .filter((id) => !booked.has(id))
            .map((id) => ({ id, intent: intentOf.get(id)?.status })),
          bookedButNotFilled: [...booked].filter((id) => !matched.has(id)),
        },
        "exchange fills and live ledger rows",
      ).toEqual({ filledButNotBooked: [], bookedButNotFilled: [] });
      for (const row of live)
        expect(shares(matched.get(row.order_id)?.size_matched ?? "0"), `size of ${row.order_id}`).toBe(
          shares(row.size),
        );
      const userOf = new Map<string, string>();
      for (const order of orders) {
        const user = intentOf.get(order.id)?.user_id ?? "";
        expect(userOf.get(order.maker_address) ?? user, `owner of account ${order.maker_address}`).toBe(user);
        userOf.set(order.maker_address, user);
      }
      for (const [address, user] of userOf) {
        const expected = new Map<string, bigint>();
        for (const r of live.filter((l) => l.user_id === user)) {
          const signed = r.action === "buy" ? shares(r.size) : -shares(r.size);
          expected.set(r.token_id, (expected.get(r.token_id) ?? 0n) + signed);
        }
        const held = w.exchange.inspect.balance(address).positions;
        for (const [token, n] of expected)
          expect(shares(held[token] ?? "0"), `exchange holding of user ${user} in ${token}`).toBe(n);
      }
    }

    /** No per-user global budget, per-bot position size or trades per day was ever exceeded, by the ledger. */
    function expectLimitsHeld(bots: readonly PlannedBot[], ledger: readonly LedgerRow[]) {
      // The risk engine counts a user's paper and live exposure apart (paper money is never at risk).
      const budgetOf = new Map(bots.map((b) => [b.userId, usd(b.globalBudgetUsd)]));
      for (const [key, peak] of peakCostBasis(ledger, (r) => `${r.user_id}/${r.type}`)) {
        const budget = budgetOf.get(key.split("/")[0] ?? "") ?? 0n;
        expect(peak <= budget, `global budget of ${key}: peak ${peak} > ${budget}`).toBe(true);
      }
      const perToken = peakCostBasis(ledger, (r) => `${r.bot_id}/${r.token_id}`);
      for (const bot of bots) {
        const max = usd(bot.maxPositionUsd);
        for (const [key, peak] of perToken)
          if (key.startsWith(`${bot.id}/`))
            expect(peak <= max, `position size of ${key}: peak ${peak} > ${max}`).toBe(true);
        const perDay = countBy(ledger.filter((r) => r.bot_id === bot.id).map((r) => r.day));
        for (const [day, n] of Object.entries(perDay))
          expect(n, `trades of ${bot.id} on ${day}`).toBeLessThanOrEqual(bot.maxTradesPerDay);
      }
    }

    /** Every coordination lock is released or expired. */
    async function expectLocksReleased(botIds: readonly string[]) {
      const [live] = await q<{ n: number }>(
        `select count(*)::int as n from public.bot_coordination_locks
          where locked_by_bot_id = any($1::uuid[]) and expires_at > now()`,
        [botIds],
      );
      expect(live?.n, "live coordination locks").toBe(0);
    }

    /**
     * Every evaluation has its finished record. One a killed runner left running is closed when its bot is claimed
     * again, and only a killed runner's may need that: a live runner's lease must never expire under it.
     */
    async function expectEveryEvaluationRecorded(botIds: readonly string[]) {
      const records = await q<{ runner_id: string; outcome: string; abandoned: boolean; n: number }>(
        `select runner_id, outcome::text as outcome, count(*)::int as n,
                reason like 'The runner evaluating this bot stopped%' as abandoned
           from public.bot_evaluations where bot_id = any($1::uuid[]) group by 1, 2, 4`,
        [botIds],
      );
      expect(
        records.filter((r) => r.outcome === "running"),
        "evaluations still running",
      ).toEqual([]);
      expect(
        records.filter((r) => r.abandoned && !killed.has(r.runner_id)),
        "evaluations of runners that were not killed, closed as abandoned",
      ).toEqual([]);
    }
  },
);

/** mulberry32: small and seedable, so a failing run's faults, kills and limits can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The exchange places the order but the answer is lost: the runner must reconcile it, never send it again. */
const AMBIGUOUS_ORDER = {
  kind: "status",
  status: 503,
  afterHandling: true,
  match: { method: "POST", path: "/order" },
} as const satisfies FaultSpec;

/** One random exchange fault: market data, order placement (before or after the exchange acted), trade lookups, latency. */
function randomFault(random: () => number, pick: <T>(items: readonly T[]) => T): FaultSpec {
  const times = 1 + Math.floor(random() * 3);
  return pick<FaultSpec>([
    { kind: "status", status: 503, match: { path: /^\/books?$/ }, times },
    { kind: "status", status: 503, match: { path: /^\/gamma\// }, times: 1 },
    { ...AMBIGUOUS_ORDER, times },
    { kind: "status", status: 503, match: { method: "POST", path: "/order" }, times },
    { kind: "status", status: 503, match: { path: "/data/trades" }, times },
    { kind: "delay", ms: 100 + Math.floor(random() * 400), times },
  ]);
}

/** The highest total cost basis each group reached while the ledger is folded in order. */
function peakCostBasis(rows: readonly LedgerRow[], group: (r: LedgerRow) => string): Map<string, bigint> {
  const held = new Map<string, Position>();
  const totals = new Map<string, bigint>();
  const peaks = new Map<string, bigint>();
  for (const row of rows) {
    const key = `${row.bot_id}/${row.token_id}`;
    const before = held.get(key) ?? FLAT;
    const after = applyFill(before, {
      side: row.action === "buy" ? "BUY" : "SELL",
      shares: shares(row.size),
      price: price(row.price),
      fee: usd(row.fee),
    });
    held.set(key, after);
    const g = group(row);
    const total = (totals.get(g) ?? 0n) - before.costBasis + after.costBasis;
    totals.set(g, total);
    if (total > (peaks.get(g) ?? 0n)) peaks.set(g, total);
  }
  return peaks;
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
