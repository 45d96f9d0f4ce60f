import { randomUUID } from "node:crypto";
import { ModelCatalog, type Recipe, systemClock } from "@open-trade/llm";
import { createHttpMarketData, createPaperExecution } from "@open-trade/polymarket";
import { usd } from "@open-trade/risk-engine";
import { createRunner, type Runner } from "@open-trade/runner";
import { createTRPCClient, httpSubscriptionLink } from "@trpc/client";
import { EventSource } from "eventsource";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppRouter } from "../root.ts";
import { type Session, startTestApi, type TestApi } from "../testing/test-api.ts";

/** Buys YES for $5 whenever YES trades at 0.60 or less: the stand-in book asks 0.52, so every run fills. */
const CHEAP_YES: Recipe = {
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

let t: TestApi;
let runner: Runner;
let owner: Session;

beforeAll(async () => {
  t = await startTestApi();
  owner = await t.signUp("pro");
  const marketData = createHttpMarketData({ clobUrl: t.exchange.clobUrl, gammaUrl: t.exchange.gammaUrl });
  const paper = createPaperExecution({
    book: (tokenId) => marketData.getOrderBook(tokenId),
    params: (tokenId) => marketData.getMarketParams(tokenId),
    startingCash: usd("100000"),
    now: Date.now,
  });
  const silent = { log: () => {}, child: () => silent };
  const noop = { inc: () => {}, set: () => {}, observe: () => {} };
  // The runner's own code, as it runs in production: the API only watches what it writes.
  runner = createRunner({
    db: t.db.db,
    marketData,
    live: async () => paper,
    llm: { catalog: new ModelCatalog({ load: async () => [], clock: systemClock }), model: null },
    clock: { now: () => new Date() },
    logger: silent,
    metrics: { counter: () => noop, gauge: () => noop, histogram: () => noop, render: () => "" },
    runnerId: `api-test-${randomUUID().slice(0, 8)}`,
    concurrency: 1,
    marketCacheMs: 0,
  });
});
afterAll(async () => {
  await runner?.stop();
  await t?.close();
});

async function tradingBot(): Promise<string> {
  const { rows } = await t.db.raw.query<{ id: string }>(
    `insert into public.bots (user_id, name, status, model_id, allowed_categories, recipe_json, polling_frequency_minutes,
       max_position_size_usd, max_daily_loss_usd, max_trades_per_day, max_concurrent_markets)
     values ($1, $2, 'paper', 'local/rules', '{politics}', $3, 5, 500, 100, 50, 5) returning id`,
    [owner.userId, `Live bot ${randomUUID().slice(0, 6)}`, JSON.stringify(CHEAP_YES)],
  );
  return rows[0]?.id as string;
}

interface TradeEvent {
  id: string;
  data: {
    id: string;
    botId: string;
    price: string;
    size: string;
    seq: string;
    createdAt: string;
    outcome?: string;
  };
}

/** A typed client that sends the bearer token as a header on every (re)connect, never in the URL. */
function follow(
  token: string,
  input: { botId?: string; lastEventId?: string },
  stream: "trades" | "evaluations" = "trades",
) {
  const client = createTRPCClient<AppRouter>({
    links: [
      httpSubscriptionLink({
        url: `${t.url}/trpc`,
        EventSource,
        eventSourceOptions: () => ({
          fetch: (url, init) =>
            fetch(url, { ...init, headers: { ...init?.headers, authorization: `Bearer ${token}` } }),
        }),
      }),
    ],
  });
  const events: TradeEvent[] = [];
  const waiters: (() => void)[] = [];
  let started!: () => void;
  const ready = new Promise<void>((resolve) => {
    started = resolve;
  });
  const subscription = client.live[stream].subscribe(input, {
    onStarted: () => started(),
    onData: (event) => {
      events.push(event as unknown as TradeEvent);
      for (const wake of waiters.splice(0)) wake();
    },
  });
  const next = (count: number, timeoutMs: number) =>
    new Promise<TradeEvent[]>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${events.length} events after ${timeoutMs} ms`)),
        timeoutMs,
      );
      const check = () => {
        if (events.length >= count) {
          clearTimeout(timer);
          resolve(events.slice(0, count));
        } else waiters.push(check);
      };
      check();
    });
  return { ready, events, next, close: () => subscription.unsubscribe() };
}

describe("live trades over SSE, fed by LISTEN/NOTIFY", () => {
  it("when a real runner fills an order then the owner's subscription delivers it within 1 s, tracked by its ledger sequence", async () => {
    const botId = await tradingBot();
    const live = follow(owner.accessToken, { botId });
    await live.ready;
    const summary = await runner.runNow(botId);
    const committedAt = performance.now();
    const [event] = await live.next(1, 5_000);
    const latencyMs = performance.now() - committedAt;
    live.close();
    expect(summary).toMatchObject({ outcome: "filled" });
    expect(event?.data.botId).toBe(botId);
    expect(event?.id).toBe(event?.data.seq);
    expect(event?.data.price).toMatch(/^0\.\d+$/);
    expect(latencyMs).toBeLessThan(1_000);
  });

  it("when a client reconnects with its last event id then it first receives the fills it missed", async () => {
    const botId = await tradingBot();
    const first = follow(owner.accessToken, { botId });
    await first.ready;
    await runner.runNow(botId);
    const [seen] = await first.next(1, 5_000);
    first.close();

    const missedBot = await tradingBot();
    await runner.runNow(missedBot);
    const { rows } = await t.db.raw.query<{ id: string }>(
      "select id from public.trade_logs where bot_id = $1",
      [missedBot],
    );
    expect(rows).toHaveLength(1);

    const again = follow(owner.accessToken, { lastEventId: seen?.id ?? "" });
    const replayed = await again.next(1, 5_000);
    again.close();
    expect(replayed.map((e) => e.data.id)).toContain(rows[0]?.id);
    expect(replayed.map((e) => e.data.id)).not.toContain(seen?.data.id);
  });

  it("when a fill commits after one the client saw but carries an earlier created_at then a reconnect still replays it", async () => {
    const botId = await tradingBot();
    const first = follow(owner.accessToken, { botId });
    await first.ready;
    await runner.runNow(botId);
    const [seen] = await first.next(1, 5_000);
    first.close();

    // A writer whose transaction started before the seen fill's (created_at is the transaction's start) and
    // committed after it: its row's created_at is earlier, its sequence later. The clock trigger is switched off
    // inside the transaction only, to give the row that earlier time.
    const late = await t.db.raw.transaction(async (tx) => {
      await tx.exec("alter table public.trade_logs disable trigger trade_logs_set_created_at");
      const { rows } = await tx.query<{ id: string }>(
        `insert into public.trade_logs (bot_id, market_id, token_id, type, action, size, execution_price, created_at)
         values ($1, 'late-market', 'late-token', 'paper', 'buy', 1, 0.5, $2::timestamptz - interval '1 minute')
         returning id`,
        [botId, seen?.data.createdAt],
      );
      await tx.exec("alter table public.trade_logs enable always trigger trade_logs_set_created_at");
      return rows[0]?.id as string;
    });

    const again = follow(owner.accessToken, { botId, lastEventId: seen?.id ?? "" });
    const [replayed] = await again.next(1, 5_000);
    again.close();
    expect(replayed?.data.id).toBe(late);
    expect((replayed?.data.createdAt ?? "") < (seen?.data.createdAt ?? "")).toBe(true);
    expect(BigInt(replayed?.id ?? "0")).toBeGreaterThan(BigInt(seen?.id ?? "0"));
  });

  it("when an evaluation starts and then ends then its stream sends both, the end with its outcome", async () => {
    const botId = await tradingBot();
    const live = follow(owner.accessToken, { botId }, "evaluations");
    await live.ready;
    await runner.runNow(botId);
    const events = await live.next(2, 5_000);
    live.close();
    expect(events.map((e) => e.data.outcome)).toEqual(["running", "filled"]);
    expect(new Set(events.map((e) => e.data.id)).size).toBe(1);
  });

  it("when another user follows every trade then none of the owner's fills reach them", async () => {
    const stranger = await t.signUp("pro");
    const theirs = follow(stranger.accessToken, {});
    await theirs.ready;
    const mine = follow(owner.accessToken, {});
    await mine.ready;
    const botId = await tradingBot();
    await runner.runNow(botId);
    await mine.next(1, 5_000);
    // The stranger's stream had every chance to deliver it: the owner's already did.
    await new Promise((resolve) => setTimeout(resolve, 200));
    mine.close();
    theirs.close();
    expect(theirs.events).toEqual([]);
  });
});
