import { randomUUID } from "node:crypto";
import type { Execution } from "@open-trade/polymarket";
import { price, shares } from "@open-trade/risk-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiveUser } from "../testing/live-user.ts";
import { openRunnerWorld, type RunnerWorld } from "../testing/runner-world.ts";

let w: RunnerWorld;
beforeAll(async () => {
  w = await openRunnerWorld();
});
afterAll(async () => {
  await w?.close();
});

const count = async (text: string, params: unknown[]) =>
  (await w.db.raw.query<{ n: number }>(text, params)).rows[0]?.n ?? -1;

/** Trades the exchange matched for one order id. */
const exchangeTrades = (orderId: string) =>
  w.exchange.inspect.trades().filter((t) => JSON.stringify(t).includes(orderId)).length;

/** An order the previous process wrote ahead (and maybe sent) before it died. */
async function leftBehind(
  execution: Execution,
  user: string,
  bot: string,
  status: "prepared" | "submitted",
  send: boolean,
) {
  const tokenId = w.market.tokens[0]?.tokenId ?? "";
  const prepared = await execution.prepareOrder(
    { tokenId, side: "BUY", shares: shares("4"), limitPrice: price("0.55"), type: "FOK" },
    { salt: BigInt(`0x${randomUUID().replaceAll("-", "").slice(0, 12)}`), timestampMs: Date.now() },
  );
  if (!prepared.ok) throw new Error(prepared.failure.message);
  const order = prepared.value;
  if (send) expect((await execution.submitOrder(order)).ok).toBe(true);
  await w.db.raw.query(
    `insert into public.order_intents (order_id, bot_id, user_id, mode, market_id, token_id, action, size, limit_price, status, prepared_order)
     values ($1, $2, $3, $4, $5, $6, 'buy', $7, $8, $9, $10)`,
    [
      order.orderId,
      bot,
      user,
      order.mode,
      w.market.conditionId,
      tokenId,
      order.shares,
      order.limitPrice,
      status,
      JSON.stringify(order),
    ],
  );
  return order.orderId;
}

const intentStatus = async (orderId: string) =>
  (
    await w.db.raw.query<{ status: string }>(
      "select status::text as status from public.order_intents where order_id = $1",
      [orderId],
    )
  ).rows[0]?.status;

describe("crash recovery", () => {
  it("when a live order filled before the crash then the restart books it once and never sends it again", async () => {
    const { user, live } = await createLiveUser(w);
    const bot = await w.createBot(user, { status: "live" });
    const orderId = await leftBehind(await live(user), user, bot, "submitted", true);
    const matched = exchangeTrades(orderId);
    expect(matched).toBeGreaterThan(0);
    const runner = w.runner({ live });
    await runner.runNow(bot);
    await w.db.raw.query("update public.bot_schedule set next_run_at = now() where bot_id = $1", [bot]);
    await runner.runNow(bot);
    expect(
      await count("select count(*)::int as n from public.trade_logs where fill_key = $1", [orderId]),
    ).toBe(1);
    expect(await intentStatus(orderId)).toBe("filled");
    expect(exchangeTrades(orderId)).toBe(matched);
    const { rows } = await w.db.raw.query<{ shares: string }>(
      "select total_shares::text as shares from public.positions where bot_id = $1",
      [bot],
    );
    // 4 shares from the reconciled order plus whatever the two evaluations bought afterwards.
    const ledger = await w.db.raw.query<{ total: string }>(
      "select sum(size)::text as total from public.trade_logs where bot_id = $1",
      [bot],
    );
    expect(shares(rows[0]?.shares ?? "0")).toBe(shares(ledger.rows[0]?.total ?? "-1"));
  });

  it.each([
    ["a live order prepared but never sent", "live", "prepared", "abandoned"],
    ["a live order marked submitted that never reached the exchange", "live", "submitted", "rejected"],
    ["a paper order lost with its process", "paper", "submitted", "abandoned"],
  ] as const)(
    "when %s then it is settled as %s and nothing is booked for it",
    async (_what, mode, status, expected) => {
      const { user, live } = await createLiveUser(w);
      const bot = await w.createBot(user, { status: mode });
      const execution = mode === "live" ? await live(user) : w.paper;
      const orderId = await leftBehind(execution, user, bot, status, false);
      await w.runner({ live }).runNow(bot);
      expect(
        await count("select count(*)::int as n from public.trade_logs where fill_key = $1", [orderId]),
      ).toBe(0);
      expect(await intentStatus(orderId)).toBe(expected);
    },
  );
});
