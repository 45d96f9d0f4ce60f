import { randomUUID } from "node:crypto";
import type { Connection } from "@open-trade/db";
import { createAuthUser, createBot, openIsolatedTestDatabase } from "@open-trade/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics } from "../observe/metrics.ts";
import { createModelCostCounter } from "./model-cost-counter.ts";

const SINCE = new Date("2026-11-25T12:00:00.000Z");
let connection: Connection;
let botId: string;

async function evaluation(
  runnerId: string,
  model: string | null,
  billed: string,
  startedAt = "2026-11-25T12:05:00Z",
) {
  await connection.raw.query(
    `insert into public.bot_evaluations (bot_id, runner_id, mode, outcome, finished_at, model_id, llm_billed_usd, started_at)
     values ($1, $2, 'paper', 'hold', $5::timestamptz, $3, $4, $5::timestamptz)`,
    [botId, runnerId, model, billed, startedAt],
  );
}

beforeAll(async () => {
  connection = await openIsolatedTestDatabase();
  botId = await createBot(connection.raw, await createAuthUser(connection.raw));
});
afterAll(async () => {
  await connection?.close();
});

describe("createModelCostCounter", () => {
  it("when evaluations are billed then the counter adds exactly their micro-USD, once each, for this runner only", async () => {
    const runnerId = `r-${randomUUID()}`;
    const metrics = createMetrics();
    const counter = createModelCostCounter({ db: connection.db, metrics, runnerId, since: SINCE });
    const series = () =>
      [...metrics.render().matchAll(/open_trade_model_cost_micro_usd_total\{model="([^"]+)"\} (\d+)/g)].map(
        (m) => [m[1], m[2]],
      );

    await evaluation(runnerId, "openai/gpt-4o-mini", "0.000123");
    await evaluation(runnerId, "openai/gpt-4o-mini", "0.01");
    await evaluation(`other-${runnerId}`, "openai/gpt-4o-mini", "5");
    await evaluation(runnerId, "openai/gpt-4o-mini", "7", "2026-11-25T11:00:00Z"); // before this runner started
    await evaluation(runnerId, null, "0");
    await counter.sample();
    const first = series();
    await counter.sample();
    const unchanged = series();
    await evaluation(runnerId, "anthropic/claude-3.5-haiku", "0.5");
    await evaluation(runnerId, "openai/gpt-4o-mini", "0.000001");
    await counter.sample();

    expect([first, unchanged, series()]).toEqual([
      [["openai/gpt-4o-mini", "10123"]],
      [["openai/gpt-4o-mini", "10123"]],
      [
        ["openai/gpt-4o-mini", "10124"],
        ["anthropic/claude-3.5-haiku", "500000"],
      ],
    ]);
  });
});
