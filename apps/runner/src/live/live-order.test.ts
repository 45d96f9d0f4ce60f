import { randomBytes } from "node:crypto";
import { parseKeyring, storeCredentials } from "@open-trade/db";
import { asService } from "@open-trade/db/service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRunnerWorld, type RunnerWorld } from "../testing/runner-world.ts";
import { liveExecutionFor } from "./live-execution-for.ts";

// A well-known development key (Hardhat account 2): it holds nothing anywhere.
const TEST_KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";

let w: RunnerWorld;
beforeAll(async () => {
  w = await openRunnerWorld();
});
afterAll(async () => {
  await w?.close();
});

async function liveBot() {
  const keyring = parseKeyring(`k1:${randomBytes(32).toString("base64")}`);
  const user = await w.createUser("pro");
  await asService(w.db.db, (tx) => storeCredentials(tx, keyring, user, { privateKey: TEST_KEY }));
  const bot = await w.createBot(user, { status: "live" });
  const live = liveExecutionFor({
    db: w.db.db,
    keyring,
    clobUrl: w.exchange.clobUrl,
    marketData: w.marketData,
  });
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
});
