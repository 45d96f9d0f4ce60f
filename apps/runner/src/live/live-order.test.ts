import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectPositionsFoldLedger } from "../testing/expect-positions-fold-ledger.ts";
import { createLiveUser } from "../testing/live-user.ts";
import { openRunnerWorld, type RunnerWorld } from "../testing/runner-world.ts";

let w: RunnerWorld;
beforeAll(async () => {
  w = await openRunnerWorld();
});
afterAll(async () => {
  await w?.close();
});

async function liveBot() {
  const { user, live } = await createLiveUser(w);
  const bot = await w.createBot(user, { status: "live" });
  return { user, bot, runner: w.runner({ live }) };
}

/** Trades the exchange matched for one order id. */
const exchangeTrades = (orderId: string) =>
  w.exchange.inspect.trades().filter((t) => JSON.stringify(t).includes(orderId)).length;

describe("live orders through the real CLOB client against the stand-in", () => {
  it("when a live bot trades then the signed order fills once and the ledger records it as live", async () => {
    const { bot, runner } = await liveBot();
    const summary = await runner.runNow(bot);
    expect(summary).toMatchObject({ outcome: "filled", mode: "live" });
    const { rows } = await w.db.raw.query<{ type: string; order_id: string }>(
      "select type::text as type, order_id from public.trade_logs where bot_id = $1",
      [bot],
    );
    expect(rows.map((r) => r.type)).toEqual(["live"]);
    const trades = w.exchange.inspect
      .trades()
      .filter((t) => JSON.stringify(t).includes(rows[0]?.order_id ?? "none"));
    expect(trades.length).toBeGreaterThan(0);
  });

  it("when the exchange's answer is lost after it placed the order then the next run reconciles it and never resends it", async () => {
    const { bot, runner } = await liveBot();
    w.exchange.injectFault({
      kind: "status",
      status: 503,
      afterHandling: true,
      match: { method: "POST", path: "/order" },
      times: 1,
    });
    const first = await runner.runNow(bot);
    w.exchange.clearFaults();
    expect(first.outcome).toBe("failed");
    const { rows: intents } = await w.db.raw.query<{ order_id: string; status: string }>(
      "select order_id, status::text as status from public.order_intents where bot_id = $1",
      [bot],
    );
    expect(intents.map((i) => i.status)).toEqual(["ambiguous"]);
    const orderId = intents[0]?.order_id ?? "";
    const matched = exchangeTrades(orderId);
    expect(matched).toBeGreaterThan(0);
    await w.db.raw.query("update public.bot_schedule set next_run_at = now() where bot_id = $1", [bot]);
    await runner.runNow(bot);
    const { rows } = await w.db.raw.query<{ n: number; status: string }>(
      `select (select count(*)::int from public.trade_logs where fill_key = $1) as n,
              (select status::text from public.order_intents where order_id = $1) as status`,
      [orderId],
    );
    expect(rows[0]).toEqual({ n: 1, status: "filled" });
    expect(exchangeTrades(orderId)).toBe(matched);
  });

  it("when a paper bot goes live then its paper holdings are not live holdings and it buys for real", async () => {
    const { user, live } = await createLiveUser(w);
    const bot = await w.createBot(user, { status: "paper" });
    const runner = w.runner({ live });
    expect(await runner.runNow(bot)).toMatchObject({ outcome: "filled", mode: "paper" });
    await w.db.raw.query("update public.bots set status = 'live' where id = $1", [bot]);
    await w.db.raw.query("update public.bot_schedule set next_run_at = now() where bot_id = $1", [bot]);
    // A rule-only bot never buys a market it holds: had the paper shares counted, it would hold now.
    const live1 = await runner.runNow(bot);
    expect(live1).toMatchObject({ outcome: "filled", mode: "live" });
    const { rows } = await w.db.raw.query<{ type: string }>(
      "select type::text as type from public.trade_logs where bot_id = $1 order by created_at",
      [bot],
    );
    expect(rows.map((r) => r.type)).toEqual(["paper", "live"]);
    await expectPositionsFoldLedger(w.db.raw, [bot]);
  });
});
