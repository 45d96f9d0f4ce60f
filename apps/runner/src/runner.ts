import type { Database } from "@open-trade/db";
import type { Llm } from "@open-trade/llm";
import type { Execution, MarketData } from "@open-trade/polymarket";
import { type Evaluated, evaluateBot } from "./evaluation/evaluate-bot.ts";
import type { EvaluationSummary } from "./evaluation/summary.ts";
import { cachedMarketData } from "./market/cached-market-data.ts";
import type { Logger } from "./observe/logger.ts";
import type { Metrics } from "./observe/metrics.ts";
import { createLeaseQueue, type Lease } from "./queue/lease-queue.ts";

export type { EvaluationSummary } from "./evaluation/summary.ts";

const DEPTH_EVERY_MS = 15_000;

export interface Runner {
  /** Begins the scheduling loop. */
  start(): void;
  /**
   * Stops claiming, drains the evaluations in flight and releases their leases; resolves when idle, or after a
   * lease's length with the evaluations still stuck (their leases expire by themselves).
   */
  stop(): Promise<void>;
  /** The API's "run now": evaluates the bot at once unless an evaluation of it is already running anywhere. */
  runNow(botId: string): Promise<EvaluationSummary>;
  /** Claims and evaluates due bots once; returns how many evaluations ran. */
  tick(): Promise<number>;
  onEvaluation(listener: (s: EvaluationSummary) => void): () => void;
}

export interface RunnerDeps {
  readonly db: Database;
  readonly marketData: MarketData;
  readonly live: (userId: string) => Promise<Execution>;
  readonly llm: Llm;
  readonly clock: { now(): Date };
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly runnerId: string;
  readonly concurrency: number;
  /** How often the loop looks for due bots (default 1 s). */
  readonly pollMs?: number;
  /** A dead runner's lease expires after this (default 2 min); a live evaluation renews it every third of it. */
  readonly leaseMs?: number;
  /** Coordination locks expire by themselves after this if their holder dies (default 1 min). */
  readonly lockMs?: number;
  /** Evaluations within this window share market lists, books and parameters (default 1 s; 0 turns it off). */
  readonly marketCacheMs?: number;
  /** The market data is simulated (the stand-in exchange's markets), as each evaluation's trace records. */
  readonly simulatedMarkets?: boolean;
}

/** The runner core: a Postgres lease queue feeding the evaluation pipeline, `concurrency` bots at a time. */
export function createRunner(deps: RunnerDeps): Runner {
  const now = () => deps.clock.now().getTime();
  const listeners = new Set<(s: EvaluationSummary) => void>();
  const inFlight = new Set<Promise<unknown>>();
  const log = deps.logger.child({ runnerId: deps.runnerId });
  const cacheMs = deps.marketCacheMs ?? 1_000;
  const marketData = cacheMs > 0 ? cachedMarketData(deps.marketData, cacheMs) : deps.marketData;
  const pollMs = deps.pollMs ?? 1_000;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let stopping = false;
  let looping: Promise<void> | undefined;

  const leaseMs = deps.leaseMs ?? 120_000;
  const queue = createLeaseQueue(deps.db, deps.runnerId, leaseMs);

  /** Renews the lease every third of its length until `stop`; a lost lease is logged (it expired meanwhile). */
  const keepLease = (lease: Lease): (() => void) => {
    let renewal: NodeJS.Timeout | undefined;
    let ended = false;
    const renew = () => {
      queue
        .renew(lease, now())
        .then((held) => {
          if (!held) log.log("warn", "lease_lost", { botId: lease.botId });
        })
        .catch((error: unknown) => log.log("warn", "lease_renewal_failed", { botId: lease.botId, error }))
        .finally(() => {
          if (!ended) renewal = setTimeout(renew, leaseMs / 3);
        });
    };
    renewal = setTimeout(renew, leaseMs / 3);
    return () => {
      ended = true;
      clearTimeout(renewal);
    };
  };

  const evaluate = (lease: Lease): Promise<Evaluated | null> => {
    const { botId } = lease;
    const endLease = keepLease(lease);
    const run = evaluateBot(
      {
        ...deps,
        marketData,
        runnerId: deps.runnerId,
        lockMs: deps.lockMs ?? 60_000,
        now,
        simulatedMarkets: deps.simulatedMarkets ?? false,
      },
      lease,
    )
      .then(async (evaluated) => {
        endLease();
        if (!evaluated.released) await queue.release(evaluated.release, lease);
        if (evaluated.summary) publish(evaluated.summary);
        return evaluated;
      })
      .catch((error: unknown) => {
        endLease();
        // The lease is left to expire: a bot whose evaluation could not even be recorded is retried later.
        log.log("error", "evaluation_crashed", { botId, error });
        deps.metrics
          .counter("open_trade_evaluation_crashes_total", "Evaluations that could not be recorded")
          .inc();
        return null;
      });
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
    return run;
  };

  const publish = (summary: EvaluationSummary) => {
    const labels = { outcome: summary.outcome, mode: summary.mode };
    deps.metrics.counter("open_trade_evaluations_total", "Evaluations by outcome", labels).inc();
    deps.metrics
      .histogram("open_trade_evaluation_duration_seconds", "Evaluation duration")
      .observe(summary.durationMs / 1000);
    for (const code of summary.denialCodes) {
      deps.metrics.counter("open_trade_denials_total", "Risk denials by code", { code }).inc();
    }
    if (summary.fill)
      deps.metrics.counter("open_trade_fills_total", "Fills recorded", { mode: summary.mode }).inc();
    log.log(summary.outcome === "failed" ? "warn" : "info", "evaluation", { ...summary });
    for (const listener of listeners) listener(summary);
  };

  let measured = Number.NEGATIVE_INFINITY;
  /**
   * The depth gauge, at most every DEPTH_EVERY_MS: counting a backlog reads every due row, which must not
   * cost more than the claims it reports on. (New and resumed bots need no polling: a trigger schedules them.)
   */
  const measureDepth = async (force: boolean) => {
    const nowMs = now();
    if (!force && nowMs - measured < DEPTH_EVERY_MS) return;
    measured = nowMs;
    deps.metrics.gauge("open_trade_queue_depth", "Due bots not yet claimed").set(await queue.depth(nowMs));
  };

  /** Claims as many due bots as there are free slots and starts their evaluations. */
  const claim = async (): Promise<{ free: number; runs: Promise<Evaluated | null>[] }> => {
    const free = deps.concurrency - inFlight.size;
    if (stopping || free <= 0) return { free, runs: [] };
    const leases = await queue.claimDue(now(), free);
    return { free, runs: leases.map((lease) => evaluate(lease)) };
  };

  const tick = async (): Promise<number> => {
    if (stopping) return 0;
    await measureDepth(true);
    const { runs } = await claim();
    const results = await Promise.all(runs);
    return results.filter((r) => r?.summary).length;
  };

  /**
   * The scheduling loop: while due bots remain it refills each slot as soon as an evaluation ends, so one
   * process stays busy at `concurrency`; once the queue is drained it looks again after `pollMs`.
   */
  const loop = async () => {
    let failures = 0;
    while (!stopping) {
      let saturated = false;
      // The depth gauge is not worth stopping the queue for.
      await measureDepth(false).catch((error: unknown) => log.log("warn", "queue_depth_failed", { error }));
      try {
        const { free, runs } = await claim();
        saturated = free <= 0 || runs.length === free;
        failures = 0;
      } catch (error) {
        // The database is away: retry with a growing pause (at most 30 s) instead of a log line every poll.
        failures += 1;
        log.log("error", "claim_failed", { error, consecutiveFailures: failures });
      }
      if (stopping) break;
      if (saturated && inFlight.size > 0) await Promise.race(inFlight);
      else
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, failures === 0 ? pollMs : Math.min(pollMs * 2 ** failures, 30_000));
        });
    }
  };

  return {
    start() {
      if (looping && !stopping) return;
      stopping = false;
      looping = loop();
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await looping;
      // An evaluation stuck on a database connection that died under it must not keep the process from
      // stopping: after a lease's length its lease has expired anyway, and another runner takes the bot.
      let drained: NodeJS.Timeout | undefined;
      const waited = await Promise.race([
        Promise.allSettled([...inFlight]).then(() => true),
        new Promise<false>((resolve) => {
          drained = setTimeout(() => resolve(false), leaseMs);
        }),
      ]);
      clearTimeout(drained);
      if (!waited) log.log("error", "drain_timed_out", { stuckEvaluations: inFlight.size });
    },
    async runNow(botId) {
      const claim = await queue.claimOne(botId, now());
      if (claim.kind === "missing") throw new Error(`There is no bot ${botId}; it may have been deleted.`);
      if (claim.kind === "busy")
        return {
          botId,
          botName: claim.name,
          outcome: "skipped",
          reason: "The bot is being evaluated right now; try again in a moment.",
          denialCodes: [],
          mode: claim.status === "live" ? "live" : "paper",
          status: claim.status,
          tradingState: "ACTIVE",
          pnlTodayUsd: "0",
          durationMs: 0,
        };
      const evaluated = await evaluate(claim.lease);
      if (!evaluated?.summary) throw new Error(`Bot ${botId} could not be evaluated; see the runner log.`);
      return evaluated.summary;
    },
    tick,
    onEvaluation(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
