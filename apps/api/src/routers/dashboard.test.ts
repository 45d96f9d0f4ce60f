import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOwnerWorld, type OwnerWorld } from "../testing/owner-world.ts";
import { startTestApi, type TestApi } from "../testing/test-api.ts";

let t: TestApi;
let w: OwnerWorld;
beforeAll(async () => {
  t = await startTestApi();
  w = await createOwnerWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const get = (path: string, input?: unknown) => t.call(path, input, w.owner.accessToken);

describe("what the dashboard reads", () => {
  it("when positions are listed then each has the book's mid as mark, value, unrealized PnL, fees and max payout", async () => {
    const res = await get("positions.list", { mode: "paper" });
    expect(res.body.result?.data).toEqual([
      expect.objectContaining({
        botId: w.botId,
        shares: "10",
        costBasisUsd: "5",
        averageEntryPrice: "0.5",
        markPrice: "0.5",
        valueUsd: "5",
        unrealizedPnlUsd: "0",
        feesUsd: "0.01",
        maxPayoutUsd: "10",
      }),
    ]);
    const live = await get("positions.list", { mode: "live" });
    expect(live.body.result?.data).toEqual([]);
  });

  it("when trades are filtered then only matching fills come back, as exact strings", async () => {
    const buys = await get("trades.list", { botId: w.botId, side: "buy", mode: "paper" });
    expect(buys.body.result?.data).toMatchObject({
      items: [{ id: w.tradeId, size: "10", price: "0.5", feeUsd: "0.01", reasoning: "owner-only reasoning" }],
      nextCursor: null,
    });
    const sells = await get("trades.list", { botId: w.botId, side: "sell" });
    expect(sells.body.result?.data).toEqual({ items: [], nextCursor: null });
    const forged = await get("trades.list", { cursor: "123_not-a-cursor" });
    expect(forged.status).toBe(400);
  });

  it("when an evaluation is opened then its denial codes, memory and failures are the bot's", async () => {
    const evaluation = await get("evaluations.byId", { evaluationId: w.evaluationId });
    expect(evaluation.body.result?.data).toMatchObject({
      outcome: "denied",
      denialCodes: ["MAX_POSITION_SIZE"],
    });
    const list = await get("evaluations.list", { botId: w.botId });
    expect(
      (list.body.result?.data as { items: { id: string }[] } | undefined)?.items.map((e) => e.id),
    ).toEqual([w.evaluationId]);
    const memory = await get("memory.get", { botId: w.botId });
    expect(memory.body.result?.data).toMatchObject({ memory: { avoid_patterns: ["thin books"] } });
    const failures = await get("failures.list", { botId: w.botId });
    expect(failures.body.result?.data).toMatchObject([
      { errorType: "slippage", adaptationNote: "trade smaller" },
    ]);
  });

  it("when a bot's stats are read then each limit shows what today used of it", async () => {
    const res = await get("stats.bot", { botId: w.botId });
    expect(res.body.result?.data).toMatchObject({
      mode: "paper",
      tradesToday: { used: 1, limit: 10 },
      exposureUsd: { used: "5", limit: "200" },
      dailyLossUsd: { used: "0.01", limit: "50" },
    });
  });
});
