import { floorToLot, formatShares, isDust, shares, usd } from "@open-trade/risk-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLeaseQueue } from "./queue/lease-queue.ts";
import { expectPositionsFoldLedger } from "./testing/expect-positions-fold-ledger.ts";
import { instantModel, TEST_MODEL } from "./testing/instant-model.ts";
import {
  BOOK,
  CHEAP_YES,
  MODEL_BUYS_YES,
  openRunnerWorld,
  type RunnerWorld,
} from "./testing/runner-world.ts";

let w: RunnerWorld;
beforeAll(async () => {
  w = await openRunnerWorld();
});
afterAll(async () => {
  await w?.close();
});

const one = async <T>(text: string, params: unknown[]): Promise<T> => {
  const { rows } = await w.db.raw.query<T>(text, params);
  if (!rows[0]) throw new Error(`no row for ${text}`);
  return rows[0];
};

describe("runner, paper, against the stand-in exchange", () => {
  it("when a rule-only bot runs then it buys once and ledger, position, intent, memory and evaluation agree", async () => {
    const user = await w.createUser();
    const bot = await w.createBot(user);
    const summary = await w.runner().runNow(bot);
    expect(summary).toMatchObject({
      outcome: "filled",
      mode: "paper",
      tradingState: "ACTIVE",
      denialCodes: [],
    });
    // $5 at 0.52 buys 9.615384 shares, every one at 0.52: the price is the levels' exact average, not
    // the rounded-up spend divided by the shares (which would say 0.520001).
    expect(summary.fill).toMatchObject({ side: "BUY", price: "0.52", marketId: w.market.conditionId });
    const trade = await one<{ n: number; token: string; key: string; reasoning: string; recipe: unknown }>(
      "select count(*)::int as n, min(token_id) as token, min(fill_key) as key, min(ai_reasoning) as reasoning, (array_agg(recipe_snapshot))[1] as recipe from public.trade_logs where bot_id = $1",
      [bot],
    );
    expect(trade.n).toBe(1);
    expect(trade.token).toBe(w.market.tokens[0]?.tokenId);
    expect(trade.reasoning).toMatch(/Entry rules fired/);
    expect(trade.recipe).toEqual(CHEAP_YES);
    const intent = await one<{ status: string; order_id: string }>(
      "select status::text as status, order_id from public.order_intents where bot_id = $1",
      [bot],
    );
    expect(intent).toEqual({ status: "filled", order_id: trade.key });
    const evaluation = await one<{ outcome: string; decided_by: string; finished: boolean }>(
      "select outcome::text as outcome, decided_by, finished_at is not null as finished from public.bot_evaluations where bot_id = $1",
      [bot],
    );
    expect(evaluation).toEqual({ outcome: "filled", decided_by: "local/rules", finished: true });
    const state = await one<{ ran: boolean; locks: number; memory: unknown }>(
      `select b.last_run_at is not null as ran, (select count(*)::int from public.bot_coordination_locks l where l.locked_by_bot_id = b.id) as locks,
              (select c.context_json from public.bot_context c where c.bot_id = b.id) as memory from public.bots b where b.id = $1`,
      [bot],
    );
    expect(state).toMatchObject({ ran: true, locks: 0, memory: { cumulative_pnl: "0" } });
    await expectPositionsFoldLedger(w.db.raw, [bot]);
  });

  it("when the price rises past take-profit then a different runner sells exactly what the ledger holds", async () => {
    const user = await w.createUser();
    const takeProfit = {
      ...CHEAP_YES,
      exits: { ...CHEAP_YES.exits, takeProfitBps: 1_000, holdToResolution: false },
    };
    const bot = await w.createBot(user, { recipe: takeProfit });
    const bought = await w.runner({ runnerId: "buying-runner" }).runNow(bot);
    expect(bought.fill?.side).toBe("BUY");
    const tokenId = w.market.tokens[0]?.tokenId ?? "";
    w.exchange.setBook(tokenId, {
      bids: [{ price: "0.70", size: "10000" }],
      asks: [{ price: "0.72", size: "10000" }],
    });
    try {
      await w.db.raw.query("update public.bot_schedule set next_run_at = now() where bot_id = $1", [bot]);
      // A runner that never saw the buy: the paper account it sells from comes from the ledger alone.
      const sold = await w.runner({ runnerId: "selling-runner" }).runNow(bot);
      // Every whole 0.01-share lot is sold; what is left under one lot is dust, a closed position.
      const lots = formatShares(floorToLot(shares(bought.fill?.shares ?? "0")));
      expect(sold.fill).toMatchObject({ side: "SELL", shares: lots, price: "0.7" });
    } finally {
      w.exchange.setBook(tokenId, BOOK);
    }
    const position = await one<{ shares: string; realized: string }>(
      "select total_shares::text as shares, realized_pnl_usd::text as realized from public.positions where bot_id = $1",
      [bot],
    );
    expect(isDust(shares(position.shares))).toBe(true);
    expect(usd(position.realized)).toBeGreaterThan(0n);
    await expectPositionsFoldLedger(w.db.raw, [bot]);
  });

  it("when a stop loss has just fired then the next run does not buy the same market again", async () => {
    const stopLoss = {
      ...CHEAP_YES,
      exits: { ...CHEAP_YES.exits, stopLossBps: 1_000, holdToResolution: false },
    };
    const bot = await w.createBot(await w.createUser(), { recipe: stopLoss });
    const runner = w.runner();
    expect((await runner.runNow(bot)).fill?.side).toBe("BUY");
    const tokenId = w.market.tokens[0]?.tokenId ?? "";
    const due = () =>
      w.db.raw.query("update public.bot_schedule set next_run_at = now() where bot_id = $1", [bot]);
    w.exchange.setBook(tokenId, {
      bids: [{ price: "0.40", size: "10000" }],
      asks: [{ price: "0.42", size: "10000" }],
    });
    try {
      await due();
      expect((await runner.runNow(bot)).fill?.side).toBe("SELL");
      // Still cheap enough for the entry rule a minute later: the cooldown, not the price, keeps it out.
      await due();
      expect(await runner.runNow(bot)).toMatchObject({ outcome: "hold" });
    } finally {
      w.exchange.setBook(tokenId, BOOK);
    }
  });

  it("when a bot has just run then the next tick does not evaluate it again before its interval", async () => {
    const user = await w.createUser();
    const bot = await w.createBot(user);
    const runner = w.runner();
    await runner.runNow(bot);
    await runner.tick();
    const { n } = await one<{ n: number }>(
      "select count(*)::int as n from public.bot_evaluations where bot_id = $1",
      [bot],
    );
    expect(n).toBe(1);
  });

  it.each([
    ["paused (the kill switch)", "paused", "skipped", "HALTED"],
    ["in error", "error", "skipped", "HALTED"],
  ])("when the bot is %s then run now places nothing", async (_w, status, outcome, tradingState) => {
    const user = await w.createUser();
    const bot = await w.createBot(user, { status });
    const summary = await w.runner().runNow(bot);
    expect(summary).toMatchObject({ outcome, tradingState });
    const { n } = await one<{ n: number }>(
      "select count(*)::int as n from public.order_intents where bot_id = $1",
      [bot],
    );
    expect(n).toBe(0);
  });

  it("when a model-driven bot has no API key then it is skipped with the reason and no model spend", async () => {
    const user = await w.createUser();
    const judged = {
      ...CHEAP_YES,
      entry: { ...CHEAP_YES.entry, judgement: { instruction: "Use judgement.", minConfidence: 60 } },
    };
    const bot = await w.createBot(user, { recipe: judged, modelId: "openai/gpt-4o-mini" });
    const summary = await w.runner().runNow(bot);
    expect(summary.outcome).toBe("skipped");
    expect(summary.reason).toMatch(/OPENROUTER_API_KEY/);
    const row = await one<{ billed: string; reserved: string }>(
      "select llm_billed_usd::text as billed, llm_reserved_usd::text as reserved from public.bot_evaluations where bot_id = $1",
      [bot],
    );
    expect(usd(row.billed) + usd(row.reserved)).toBe(0n);
  });

  it("when run now finds the bot leased by another runner then it is skipped, not evaluated twice", async () => {
    const user = await w.createUser();
    const bot = await w.createBot(user);
    await w.db.raw.query(
      "update public.bot_schedule set lease_owner = 'other-runner', lease_expires_at = now() + interval '1 minute' where bot_id = $1",
      [bot],
    );
    const summary = await w.runner().runNow(bot);
    const { name } = await one<{ name: string }>("select name from public.bots where id = $1", [bot]);
    expect(summary).toMatchObject({ outcome: "skipped", botName: name, status: "paper", mode: "paper" });
    const { n } = await one<{ n: number }>(
      "select count(*)::int as n from public.bot_evaluations where bot_id = $1",
      [bot],
    );
    expect(n).toBe(0);
  });

  it("when run now is asked for a bot that does not exist then it says so and writes nothing", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(w.runner().runNow(missing)).rejects.toThrow(`There is no bot ${missing}`);
    const { n } = await one<{ n: number }>(
      "select count(*)::int as n from public.bot_schedule where bot_id = $1",
      [missing],
    );
    expect(n).toBe(0);
  });

  it("when a dead runner's lease has expired then another runner claims the bot and closes the dead evaluation", async () => {
    const user = await w.createUser();
    const bot = await w.createBot(user);
    await w.db.raw.query(
      "update public.bot_schedule set next_run_at = now() - interval '1 minute', lease_owner = 'dead-runner', lease_expires_at = now() - interval '1 second' where bot_id = $1",
      [bot],
    );
    // The dead runner had reserved model spend for a call that may have been made.
    await w.db.raw.query(
      "insert into public.bot_evaluations (bot_id, runner_id, mode, llm_reserved_usd, started_at) values ($1, 'dead-runner', 'paper', 0.05, now() - interval '2 minutes')",
      [bot],
    );
    await w.runner().tick();
    const row = await one<{ n: number; owner: string | null }>(
      "select (select count(*)::int from public.bot_evaluations where bot_id = $1) as n, lease_owner as owner from public.bot_schedule where bot_id = $1",
      [bot],
    );
    expect(row).toEqual({ n: 2, owner: null });
    const dead = await one<{ outcome: string; reason: string; billed: string; reserved: string }>(
      "select outcome::text as outcome, reason, llm_billed_usd::text as billed, llm_reserved_usd::text as reserved from public.bot_evaluations where bot_id = $1 and runner_id = 'dead-runner'",
      [bot],
    );
    expect(dead).toMatchObject({
      outcome: "failed",
      reason: expect.stringMatching(/stopped before it finished/),
    });
    expect([usd(dead.billed), usd(dead.reserved)]).toEqual([usd("0.05"), 0n]);
  });

  it("when the loop runs and stop is called then evaluations in flight finish and no lease is left behind", async () => {
    const user = await w.createUser();
    const bots = await Promise.all(Array.from({ length: 3 }, () => w.createBot(user)));
    const runner = w.runner({ runnerId: "draining-runner", pollMs: 10 });
    const seen: string[] = [];
    runner.onEvaluation((s) => seen.push(s.botId));
    runner.start();
    while (!bots.every((b) => seen.includes(b))) await new Promise((r) => setTimeout(r, 20));
    await runner.stop();
    const { rows } = await w.db.raw.query<{ n: number }>(
      "select count(*)::int as n from public.bot_schedule where lease_owner like 'draining-runner/%'",
    );
    expect(rows[0]?.n).toBe(0);
    const { rows: running } = await w.db.raw.query<{ n: number }>(
      "select count(*)::int as n from public.bot_evaluations where bot_id = any($1::uuid[]) and outcome = 'running'",
      [bots],
    );
    expect(running[0]?.n).toBe(0);
  });

  it("when more bots are due than there are slots then each slot is refilled at once, not after the poll interval", async () => {
    const user = await w.createUser();
    const bots = await Promise.all(Array.from({ length: 6 }, () => w.createBot(user)));
    // A poll interval far beyond the deadline: only refilling on completion can evaluate all six in time.
    const runner = w.runner({ runnerId: "refilling-runner", concurrency: 2, pollMs: 600_000 });
    const seen = new Set<string>();
    runner.onEvaluation((s) => seen.add(s.botId));
    runner.start();
    const deadline = Date.now() + 30_000;
    while (!bots.every((b) => seen.has(b)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await runner.stop();
    expect(bots.filter((b) => !seen.has(b))).toEqual([]);
  });

  it("when an evaluation outlasts its lease then it renews it, so no other runner claims the bot meanwhile", async () => {
    const user = await w.createUser();
    const judged = {
      ...CHEAP_YES,
      entry: { ...CHEAP_YES.entry, judgement: { instruction: "Decide.", minConfidence: 50 } },
    };
    const bot = await w.createBot(user, { recipe: judged, modelId: TEST_MODEL });
    const hold = {
      ...MODEL_BUYS_YES,
      action: "hold",
      market: null,
      outcome: null,
      amount: null,
      worstPrice: null,
    };
    // The model takes four lease lengths to answer.
    const slow = instantModel(() => hold, { delayMs: 1_200 });
    const running = w.runner({ runnerId: "slow-runner", llm: slow.llm, leaseMs: 300 }).runNow(bot);
    await new Promise((r) => setTimeout(r, 800));
    const other = createLeaseQueue(w.db.db, "other-runner", 60_000);
    const claim = await other.claimOne(bot, Date.now());
    expect(claim.kind).toBe("busy");
    expect((await running).outcome).toBe("hold");
    const { rows } = await w.db.raw.query<{ outcome: string }>(
      "select outcome::text as outcome from public.bot_evaluations where bot_id = $1",
      [bot],
    );
    expect(rows).toEqual([{ outcome: "hold" }]);
  });

  it("when an evaluation ends then it releases its own market locks and leaves a later evaluation's", async () => {
    const user = await w.createUser();
    const bot = await w.createBot(user);
    // As if a later evaluation of this bot (after this one lost its lease) held a lock on another market.
    await w.db.raw.query(
      `insert into public.bot_coordination_locks (user_id, market_id, locked_by_bot_id, locked_at, expires_at)
       values ($1, 'later-market', $2, now() + interval '1 second', now() + interval '1 minute'),
              ($1, 'stale-market', $2, now() - interval '2 minutes', now() - interval '1 minute')`,
      [user, bot],
    );
    const summary = await w.runner().runNow(bot);
    expect(summary.outcome).toBe("filled");
    const { rows } = await w.db.raw.query<{ market_id: string }>(
      "select market_id from public.bot_coordination_locks where locked_by_bot_id = $1",
      [bot],
    );
    expect(rows).toEqual([{ market_id: "later-market" }]);
  });

  it("when an evaluation has lost its lease by the time it would order then nothing is written ahead or sent", async () => {
    const user = await w.createUser();
    const judged = {
      ...CHEAP_YES,
      entry: { ...CHEAP_YES.entry, judgement: { instruction: "Decide.", minConfidence: 50 } },
    };
    const bot = await w.createBot(user, { recipe: judged, modelId: TEST_MODEL });
    const slow = instantModel(() => MODEL_BUYS_YES, { delayMs: 600 });
    const running = w.runner({ llm: slow.llm }).runNow(bot);
    await new Promise((r) => setTimeout(r, 300));
    // Another runner took the bot over while the model was thinking (this process had stalled).
    await w.db.raw.query(
      "update public.bot_schedule set lease_owner = 'thief-runner/00000000', lease_expires_at = now() + interval '1 minute' where bot_id = $1",
      [bot],
    );
    const summary = await running;
    expect(summary).toMatchObject({ outcome: "skipped", reason: expect.stringMatching(/lost its lease/) });
    const row = await one<{ intents: number; fills: number; owner: string }>(
      `select (select count(*)::int from public.order_intents where bot_id = $1) as intents,
              (select count(*)::int from public.trade_logs where bot_id = $1) as fills,
              (select lease_owner from public.bot_schedule where bot_id = $1) as owner`,
      [bot],
    );
    expect(row).toEqual({ intents: 0, fills: 0, owner: "thief-runner/00000000" });
  });
});
