import { type Connection, connect, describeTarget, migrate, targetFromEnv } from "@open-trade/db";
import { createLlm, type Llm, systemClock, systemRandom } from "@open-trade/llm";
import type { MarketData } from "@open-trade/polymarket";
import { DEMO_USER_ID } from "../demo/demo-bots.ts";
import { seedDemo } from "../demo/seed-demo.ts";
import type { RunnerEnv } from "../env.ts";
import { checkHealth } from "../observe/health-check.ts";
import { type ObserveServer, startObserveServer } from "../observe/http-server.ts";
import { createLogger } from "../observe/logger.ts";
import { createMetrics } from "../observe/metrics.ts";
import { readQueue } from "../queue/read-queue.ts";
import { createRunner } from "../runner.ts";
import { createTerminalView, type ViewOutput } from "../view/terminal-view.ts";
import { listBots } from "./list-bots.ts";
import { liveFactory } from "./live-factory.ts";
import { createModelCostCounter } from "./model-cost-counter.ts";
import { pickMarketData } from "./pick-market-data.ts";
import { startupNotices } from "./startup-notices.ts";

// A due bot left unclaimed this long means the loop is stuck; far above the 1 s poll and any evaluation.
const MAX_QUEUE_LAG_MS = 120_000;
const COST_SAMPLE_MS = 5_000;

export interface AppOptions {
  readonly env: RunnerEnv;
  readonly out: ViewOutput;
  /** Where JSON log lines go (stderr, or a file when the terminal shows the board). */
  readonly writeLog: (line: string) => void;
  readonly clock?: { now(): Date };
}

export interface App {
  readonly observeUrl: string | null;
  /** What a host in the same process shares (the embedded launcher serves the API over these). */
  readonly connection: Connection;
  readonly marketData: MarketData;
  readonly llm: Llm;
  /** The seeded demo user, or null when SEED_DEMO is off. */
  readonly demoUserId: string | null;
  /** Drains evaluations in flight and closes everything; safe to call more than once. */
  stop(reason: string): Promise<void>;
}

/** `pnpm start`: database, demo, market data, runner, view and endpoints, in that order. */
export async function startApp(options: AppOptions): Promise<App> {
  const { env, out } = options;
  const clock = options.clock ?? { now: () => new Date() };
  const say = (line: string) => out.write(`${line}\n`);
  const logger = createLogger({
    write: options.writeLog,
    level: env.logLevel,
    base: { service: "runner", runnerId: env.runnerId },
    secrets: env.secrets,
  });

  const target = targetFromEnv(env.db);
  say(`Opening the database: ${describeTarget(target)}`);
  const connection = await connect(target, { maxConnections: env.concurrency + 2 });
  const migrated = await migrate(connection.raw);
  say(
    `Migrations: ${migrated.applied.length} applied now, ${migrated.alreadyApplied.length} already applied`,
  );
  if (env.seedDemo) {
    const seeded = await seedDemo(connection.raw);
    say(
      seeded.botsCreated > 0 ? `Demo: created ${seeded.botsCreated} demo bots` : "Demo: bots already present",
    );
  }
  const source = await pickMarketData({
    mode: env.marketData,
    ...(env.clobUrl ? { clobUrl: env.clobUrl } : {}),
    ...(env.gammaUrl ? { gammaUrl: env.gammaUrl } : {}),
  });
  say(`Market data: ${source.label} (${source.why})`);
  logger.log("info", "startup", { database: describeTarget(target), migrated, marketData: source.why });

  const marketData = source.marketData;
  const metrics = createMetrics();
  const llm = createLlm(env.llm, { clock: systemClock, random: systemRandom });
  const runner = createRunner({
    db: connection.db,
    marketData,
    live: liveFactory(env, connection.db, source),
    llm,
    clock,
    logger,
    metrics,
    runnerId: env.runnerId,
    concurrency: env.concurrency,
    leaseMs: env.leaseMs,
    lockMs: env.lockMs,
    pollMs: env.pollMs,
    simulatedMarkets: source.simulated,
  });

  const view = createTerminalView({
    out,
    marketData: source.label,
    notices: startupNotices({ simulated: source.simulated, hasModelKey: env.llm.apiKey !== undefined }),
    now: () => clock.now(),
  });
  view.addBots(await listBots(connection.db));
  runner.onEvaluation((summary) => view.onEvaluation(summary));

  let observe: ObserveServer | null = null;
  if (env.metricsPort > 0) {
    observe = await startObserveServer({
      metrics,
      port: env.metricsPort,
      health: () =>
        checkHealth({
          now: clock.now(),
          maxLagMs: MAX_QUEUE_LAG_MS,
          readQueue: () => readQueue(connection.db, clock.now()),
        }),
    }).catch((error: unknown) => {
      logger.log("warn", "observe_server_unavailable", { port: env.metricsPort, error });
      say(
        `! Metrics not served: port ${env.metricsPort} is unavailable (set METRICS_PORT to another port, or 0).`,
      );
      return null;
    });
    if (observe) say(`Metrics: ${observe.url}/metrics · health: ${observe.url}/healthz`);
  }

  const modelCost = createModelCostCounter({
    db: connection.db,
    metrics,
    runnerId: env.runnerId,
    since: clock.now(),
  });
  const sampleCost = () =>
    modelCost.sample().catch((error: unknown) => logger.log("warn", "model_cost_sample_failed", { error }));
  const costTimer = setInterval(sampleCost, COST_SAMPLE_MS);
  costTimer.unref();

  view.start();
  runner.start();

  let stopping: Promise<void> | undefined;
  return {
    observeUrl: observe?.url ?? null,
    connection,
    marketData,
    llm,
    demoUserId: env.seedDemo ? DEMO_USER_ID : null,
    stop(reason) {
      stopping ??= (async () => {
        view.announce(`Stopping (${reason}): finishing the evaluations in flight…`);
        logger.log("info", "stopping", { reason });
        await runner.stop();
        clearInterval(costTimer);
        await sampleCost();
        view.stop();
        await observe?.close();
        await source.close();
        await connection.close();
        logger.log("info", "stopped", { reason });
        say("Stopped cleanly. Run `pnpm start` again to continue from the stored state.");
      })();
      return stopping;
    },
  };
}
