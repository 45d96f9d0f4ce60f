import { randomUUID } from "node:crypto";
import { createAuthUser, openIsolatedTestDatabase, type TestConnection } from "@open-trade/db/testing";
import type { Llm } from "@open-trade/llm";
import { ModelCatalog, type Recipe, systemClock } from "@open-trade/llm";
import {
  createHttpMarketData,
  createPaperExecution,
  type Execution,
  type MarketData,
  type StandInExchange,
  type StandInMarket,
  startStandInExchange,
} from "@open-trade/polymarket";
import { usd } from "@open-trade/risk-engine";
import { createLogger } from "../observe/logger.ts";
import { createMetrics } from "../observe/metrics.ts";
import { createRunner, type Runner, type RunnerDeps } from "../runner.ts";

/** A rule-only recipe that buys YES for $5 whenever YES trades at 0.60 or less. */
export const CHEAP_YES: Recipe = {
  version: 1,
  summary: "Buys YES for $5 at 0.60 or less.",
  universe: {
    categories: ["politics"],
    minLiquidityUsd: null,
    minHoursToResolution: null,
    maxHoursToResolution: null,
    keywords: [],
    excludeKeywords: [],
  },
  entry: {
    outcome: "YES",
    rules: [{ kind: "price_at_most", outcome: "YES", price: "0.6" }],
    judgement: null,
  },
  exits: {
    takeProfitBps: null,
    stopLossBps: null,
    exitHoursBeforeResolution: null,
    maxHoldHours: null,
    holdToResolution: true,
    reentryCooldownMinutes: 60,
  },
  sizing: { mode: "fixed_usd", usd: "5" },
  cadence: { pollingMinutes: 5, maxTradesPerDay: 50, maxOpenMarkets: 5 },
};

/** A model's answer buying YES in the first candidate market for $5 at 0.52 at most. */
export const MODEL_BUYS_YES = {
  action: "buy",
  market: "m1",
  outcome: "YES",
  amount: { unit: "usd", value: "5" },
  worstPrice: "0.52",
  confidence: 80,
  reasoning: "YES looks cheap.",
};

export const BOOK = {
  bids: [{ price: "0.48", size: "10000" }],
  asks: [{ price: "0.52", size: "10000" }],
};

export interface RunnerWorld {
  /** On PostgreSQL `db.url` lets runner processes reach the same database. */
  readonly db: TestConnection;
  readonly exchange: StandInExchange;
  readonly market: StandInMarket;
  readonly marketData: MarketData;
  readonly paper: Execution;
  readonly noModel: Llm;
  createUser(tier?: "free" | "basic" | "pro", profile?: { globalBudget?: string }): Promise<string>;
  createBot(userId: string, fields?: Partial<BotFields>): Promise<string>;
  runner(overrides?: Partial<RunnerDeps>): Runner;
  /** The environment a `main.ts` process needs to run against this world (PostgreSQL only). */
  processEnv(): Record<string, string>;
  close(): Promise<void>;
}

export interface BotFields {
  status: string;
  recipe: Recipe;
  modelId: string | null;
  riskBudgetUsd: string | null;
  riskBudgetType: "individual" | "shared";
  maxPositionSizeUsd: string;
  maxDailyLossUsd: string;
  priority: number;
}

/** One migrated database, a stand-in exchange with one politics market, paper execution and no model. */
export async function openRunnerWorld(): Promise<RunnerWorld> {
  const db = await openIsolatedTestDatabase();
  const exchange = await startStandInExchange({ simulate: false });
  const market = exchange.addMarket(
    { question: `Will test ${randomUUID().slice(0, 8)} pass?`, category: "politics", feeRateBps: 0 },
    BOOK,
  );
  // The stand-in derives the NO book from the YES book; setBook makes the levels matchable liquidity.
  exchange.setBook(market.tokens[0]?.tokenId ?? "", BOOK);
  const marketData = createHttpMarketData({ clobUrl: exchange.clobUrl, gammaUrl: exchange.gammaUrl });
  const paper = createPaperExecution({
    book: (tokenId) => marketData.getOrderBook(tokenId),
    params: (tokenId) => marketData.getMarketParams(tokenId),
    startingCash: usd("100000000"),
    now: Date.now,
  });
  const noModel: Llm = {
    catalog: new ModelCatalog({ load: async () => [], clock: systemClock }),
    model: null,
  };
  const world: RunnerWorld = {
    db,
    exchange,
    market,
    marketData,
    paper,
    noModel,
    async createUser(tier = "pro", profile = {}) {
      const id = await createAuthUser(db.raw);
      await db.raw.query("update public.users set tier = $2 where id = $1", [id, tier]);
      if (profile.globalBudget) {
        await db.raw.query(
          "update public.user_risk_profiles set global_risk_budget_usd = $2 where user_id = $1",
          [id, profile.globalBudget],
        );
      }
      return id;
    },
    async createBot(userId, fields = {}) {
      const { rows } = await db.raw.query<{ id: string }>(
        `insert into public.bots (user_id, name, status, model_id, allowed_categories, recipe_json, polling_frequency_minutes,
           max_position_size_usd, max_daily_loss_usd, risk_budget_usd, risk_budget_type, priority, max_trades_per_day, max_concurrent_markets)
         values ($1, $2, $3, $4, '{politics}', $5, 5, $6, $7, $8, $9, $10, 50, 5) returning id`,
        [
          userId,
          `Bot ${randomUUID().slice(0, 6)}`,
          fields.status ?? "paper",
          fields.modelId ?? null,
          JSON.stringify(fields.recipe ?? CHEAP_YES),
          fields.maxPositionSizeUsd ?? "500",
          fields.maxDailyLossUsd ?? "100",
          fields.riskBudgetUsd ?? null,
          fields.riskBudgetType ?? "individual",
          fields.priority ?? 0,
        ],
      );
      const id = rows[0]?.id;
      if (!id) throw new Error("no bot id");
      return id;
    },
    runner(overrides = {}) {
      return createRunner({
        db: db.db,
        marketData,
        // Live bots trade on a paper account unless a test passes the real live dependency (testing/live-user.ts).
        live: async () => paper,
        llm: noModel,
        clock: { now: () => new Date() },
        logger: createLogger({ write: (line) => process.stderr.write(`${line}\n`), level: "error" }),
        metrics: createMetrics(),
        runnerId: `runner-${randomUUID().slice(0, 8)}`,
        concurrency: 4,
        // Tests change books and markets between runs; the bench turns the cache back on.
        marketCacheMs: 0,
        ...overrides,
      });
    },
    processEnv() {
      if (!db.url)
        throw new Error("Runner processes need DATABASE_URL (PostgreSQL); PGlite lives in one process.");
      return {
        DATABASE_URL: db.url,
        MARKET_DATA: "polymarket",
        POLYMARKET_CLOB_URL: exchange.clobUrl,
        POLYMARKET_GAMMA_URL: exchange.gammaUrl,
        SEED_DEMO: "false",
        METRICS_PORT: "0",
      };
    },
    async close() {
      await exchange.close();
      await db.close();
    },
  };
  return world;
}
