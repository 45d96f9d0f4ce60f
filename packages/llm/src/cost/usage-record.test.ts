import { usd } from "@open-trade/risk-engine";
import { describe, expect, it } from "vitest";
import { type LlmUsageRecord, sumBilledUsd } from "./usage-record.ts";

const record = (botId: string, userId: string, atMs: number, billed: string): LlmUsageRecord => ({
  reservationId: "r",
  botId,
  userId,
  modelId: "m",
  purpose: "decide",
  inputTokens: 1,
  outputTokens: 1,
  costUsd: billed,
  billedUsd: usd(billed),
  costSource: "CATALOG",
  atMs,
});

const records = [
  record("bot-a", "u1", 10, "0.000001"),
  record("bot-a", "u1", 20, "0.25"),
  record("bot-b", "u1", 30, "1.5"),
  record("bot-c", "u2", 40, "7"),
  record("bot-a", "u1", 100, "9"),
];

describe("sumBilledUsd", () => {
  it.each([
    ["one bot's day", { botId: "bot-a", fromMs: 0, toMs: 100 }, "0.250001"],
    ["one user's day", { userId: "u1", fromMs: 0, toMs: 100 }, "1.750001"],
    ["another user's day", { userId: "u2", fromMs: 0, toMs: 100 }, "7"],
    ["an empty window", { fromMs: 50, toMs: 100 }, "0"],
  ])("when summing %s then the total is %s", (_name, filter, total) => {
    expect(sumBilledUsd(records, filter)).toBe(usd(total));
  });
});
