import { randomUUID } from "node:crypto";
import { price, shares } from "@open-trade/risk-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

/** An order the previous process wrote ahead (and maybe sent) before it died. */
async function leftBehind(user: string, bot: string, status: "prepared" | "submitted", send: boolean) {
  const tokenId = w.market.tokens[0]?.tokenId ?? "";
  const prepared = await w.paper.prepareOrder(
    { tokenId, side: "BUY", shares: shares("4"), limitPrice: price("0.55"), type: "FOK" },
    { salt: BigInt(`0x${randomUUID().replaceAll("-", "").slice(0, 12)}`), timestampMs: Date.now() },
  );
  if (!prepared.ok) throw new Error(prepared.failure.message);
  const order = prepared.value;
  if (send) expect((await w.paper.submitOrder(order)).ok).toBe(true);
  await w.db.raw.query(
    `insert into public.order_intents (order_id, bot_id, user_id, mode, market_id, token_id, action, size, limit_price, status, prepared_order)
     values ($1, $2, $3, 'paper', $4, $5, 'buy', $6, $7, $8, $9)`,
    [
      order.orderId,
      bot,
      user,
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

describe("crash recovery", () => {
  it("when a submitted order filled before the crash then the restart books it once and never sends it again", async () => {
    const user = await w.createUser();
    const bot = await w.createBot(user);
    const orderId = await leftBehind(user, bot, "submitted", true);
    const runner = w.runner();
    await runner.runNow(bot);
    await w.db.raw.query("update public.bot_schedule set next_run_at = now() where bot_id = $1", [bot]);
    await runner.runNow(bot);
    expect(
      await count("select count(*)::int as n from public.trade_logs where fill_key = $1", [orderId]),
    ).toBe(1);
    expect(
      await count(
        "select count(*)::int as n from public.order_intents where order_id = $1 and status = 'filled'",
        [orderId],
      ),
    ).toBe(1);
    const sent = await w.paper.trades({ orderId });
    expect(sent.ok && sent.value.length).toBe(1);
    const { rows } = await w.db.raw.query<{ shares: string }>(
      "select total_shares::text as shares from public.positions where bot_id = $1",
      [bot],
    );
    // 4 shares from the reconciled order plus the $5 buys at 0.52 the two evaluations made afterwards.
    const ledger = await w.db.raw.query<{ total: string }>(
      "select sum(size)::text as total from public.trade_logs where bot_id = $1",
      [bot],
    );
    expect(shares(rows[0]?.shares ?? "0")).toBe(shares(ledger.rows[0]?.total ?? "-1"));
  });

  it.each([
    ["prepared but never sent", "abandoned", "prepared", false],
    ["submitted but lost with the process", "abandoned", "submitted", false],
  ] as const)(
    "when an order was %s then it is settled as %s and nothing is booked for it",
    async (_w, expected, status, send) => {
      const user = await w.createUser();
      const bot = await w.createBot(user);
      const orderId = await leftBehind(user, bot, status, send);
      await w.runner().runNow(bot);
      expect(
        await count("select count(*)::int as n from public.trade_logs where fill_key = $1", [orderId]),
      ).toBe(0);
      const { rows } = await w.db.raw.query<{ status: string }>(
        "select status::text as status from public.order_intents where order_id = $1",
        [orderId],
      );
      expect(rows[0]?.status).toBe(expected);
    },
  );
});
