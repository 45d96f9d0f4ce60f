import { evaluationTraceSchema } from "@open-trade/db/trace";
import { price, shares, usd } from "@open-trade/risk-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instantModel, TEST_MODEL } from "../testing/instant-model.ts";
import { CHEAP_YES, MODEL_BUYS_YES, openRunnerWorld, type RunnerWorld } from "../testing/runner-world.ts";
import { slippageBps } from "./trace.ts";

let w: RunnerWorld;
beforeAll(async () => {
  w = await openRunnerWorld();
});
afterAll(async () => {
  await w?.close();
});

const row = async <T>(text: string, params: unknown[]): Promise<T> => {
  const { rows } = await w.db.raw.query<T>(text, params);
  if (!rows[0]) throw new Error(`no row for ${text}`);
  return rows[0];
};

describe("the decision trace", () => {
  it("when a bot buys then its evaluation's trace parses and agrees with the ledger row and the position", async () => {
    const bot = await w.createBot(await w.createUser());
    const summary = await w.runner().runNow(bot);
    expect(summary.outcome).toBe("filled");
    const evaluation = await row<{ id: string; trace: unknown }>(
      "select id, trace from public.bot_evaluations where bot_id = $1",
      [bot],
    );
    const trade = await row<{ evaluation_id: string; size: string; price: string; fee: string }>(
      `select evaluation_id, size::text as size, execution_price::text as price, fee_usd::text as fee
         from public.trade_logs where bot_id = $1`,
      [bot],
    );
    const position = await row<{ shares: string }>(
      "select total_shares::text as shares from public.positions where bot_id = $1",
      [bot],
    );
    const trace = evaluationTraceSchema.parse(evaluation.trace);
    expect(trade.evaluation_id).toBe(evaluation.id);
    expect(trace.market).toMatchObject({
      marketId: w.market.conditionId,
      outcome: "YES",
      bid: { best: "0.48" },
      ask: { best: "0.52" },
      spread: "0.04",
      simulated: false,
    });
    expect(trace.decision).toMatchObject({
      action: "BUY",
      outcome: "YES",
      sizeUsd: "5",
      decidedBy: "local/rules",
    });
    expect(trace.positionBefore).toEqual({ shares: "0", averageEntryPrice: null });
    expect(trace.checks?.length).toBeGreaterThan(0);
    expect(trace.checks?.every((c) => c.verdict === "pass" || c.verdict === "skipped")).toBe(true);
    expect(trace.order?.fills).toHaveLength(1);
    // Compared as exact amounts: the trace and the ledger may write trailing zeros differently.
    const { order, positionAfter } = trace;
    expect([
      price(order?.averagePrice ?? "0"),
      shares(order?.fills[0]?.shares ?? "0"),
      usd(order?.feesUsd ?? "-1"),
      shares(positionAfter?.shares ?? "0"),
      order?.slippageBps,
    ]).toEqual([price(trade.price), shares(trade.size), usd(trade.fee), shares(position.shares), "0.00"]);
  });

  it("when a model decides then the trace records its confidence and the decider", async () => {
    const judged = {
      ...CHEAP_YES,
      entry: {
        ...CHEAP_YES.entry,
        judgement: { instruction: "Buy when it looks cheap.", minConfidence: 50 },
      },
    };
    const bot = await w.createBot(await w.createUser(), { recipe: judged, modelId: TEST_MODEL });
    const summary = await w.runner({ llm: instantModel(() => MODEL_BUYS_YES).llm }).runNow(bot);
    expect(summary.outcome).toBe("filled");
    const { trace } = await row<{ trace: unknown }>(
      "select trace from public.bot_evaluations where bot_id = $1",
      [bot],
    );
    expect(evaluationTraceSchema.parse(trace).decision).toMatchObject({
      confidence: "0.80",
      decidedBy: TEST_MODEL,
      limitPrice: "0.52",
    });
  });

  it("when the risk engine denies then the trace has the decision but no order", async () => {
    const bot = await w.createBot(await w.createUser(), { maxPositionSizeUsd: "1" });
    const summary = await w.runner().runNow(bot);
    expect(summary.outcome).toBe("denied");
    const { trace } = await row<{ trace: unknown }>(
      "select trace from public.bot_evaluations where bot_id = $1",
      [bot],
    );
    const parsed = evaluationTraceSchema.parse(trace);
    expect([parsed.decision?.action, parsed.order, parsed.positionAfter]).toEqual([
      "BUY",
      undefined,
      undefined,
    ]);
    // The check that refused it says so, with its limit and the value it measured.
    const refusing = parsed.checks?.filter((c) => c.verdict === "denied") ?? [];
    expect(refusing.map((c) => c.code)).toContain(summary.denialCodes[0]);
    expect(refusing.every((c) => c.limit !== null && c.value !== null)).toBe(true);
  });
});

describe("slippageBps", () => {
  it.each([
    ["BUY", "0.53", "0.52", "192.30"],
    ["BUY", "0.52", "0.52", "0.00"],
    ["SELL", "0.47", "0.48", "208.33"],
    ["SELL", "0.49", "0.48", "-208.33"],
  ] as const)(
    "when a %s fills at %s against a best of %s then slippage is %s bps",
    (side, average, best, bps) => {
      expect(slippageBps(side, price(average), price(best))).toBe(bps);
    },
  );

  it("when there was no best price then slippage is unknown", () => {
    expect(slippageBps("BUY", price("0.5"), null)).toBeNull();
  });
});
