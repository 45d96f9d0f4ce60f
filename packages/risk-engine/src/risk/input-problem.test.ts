import { describe, expect, it } from "vitest";
import { ladder, MARKET, makeIntent, makeLimits, makeSnapshot } from "../../test/fixtures.ts";
import { inputProblem } from "./input-problem.ts";

const book = ladder(2);
const bad = { string: 7, bigint: 7, count: -1, time: Number.NaN, array: {}, boolean: "no" } as const;

describe("inputProblem", () => {
  it("when everything is well formed then there is no problem", () => {
    expect(
      inputProblem(makeIntent({ limitPrice: 500_000n as never }), makeSnapshot(), makeLimits()),
    ).toBeNull();
  });

  it.each<[string, unknown]>([
    ["botId", bad.string],
    ["marketId", bad.string],
    ["side", "HOLD"],
    ["shares", bad.bigint],
    ["limitPrice", 0.5],
  ])("when the intent's %s is %j then that field is named", (field, value) => {
    const intent = { ...makeIntent(), [field]: value } as never;
    expect(inputProblem(intent, makeSnapshot(), makeLimits())).toContain(
      `order intent is malformed at ${field}`,
    );
  });

  it.each<[string, unknown]>([
    ["now", bad.time],
    ["market", "m"],
    ["market", { id: MARKET, book: { ...book, tickSize: 1_000_000n } }],
    ["market", { id: MARKET, book: { ...book, asks: null } }],
    ["market", { id: MARKET, book: { ...book, minOrderSize: 5 } }],
    ["positions", bad.array],
    ["openOrders", bad.array],
    ["bots", bad.array],
    ["pnlToday", 0],
    ["dailyLossReachedAt", "yesterday"],
    ["halted", bad.boolean],
    ["tradesToday", bad.count],
    ["recentOrderTimes", bad.array],
    ["lock", "held"],
    ["adaptations", bad.array],
  ])("when the snapshot's %s is malformed (case %#) then that field is named", (field, value) => {
    const snapshot = { ...makeSnapshot(), [field]: value } as never;
    expect(inputProblem(makeIntent(), snapshot, makeLimits())).toContain(`snapshot is malformed at ${field}`);
  });

  it.each<[string, unknown]>([
    ["maxDailyLoss", 100],
    ["maxPositionSize", undefined],
    ["maxSlippageBps", 1.5],
    ["maxTradesPerDay", bad.count],
    ["maxOrdersPerMinute", "6"],
    ["maxConcurrentMarkets", undefined],
    ["allowedCategories", "politics"],
    ["riskBudget", undefined],
    ["riskBudgetType", "pooled"],
    ["globalRiskBudget", 1],
    ["maxDailyLlmCost", null],
    ["dayBoundaryOffsetMinutes", 0.5],
  ])("when the limit %s is %j then that field is named", (field, value) => {
    const limits = { ...makeLimits(), [field]: value } as never;
    expect(inputProblem(makeIntent(), makeSnapshot(), limits)).toContain(`limits is malformed at ${field}`);
  });

  it.each([
    ["order intent", () => inputProblem(null as never, makeSnapshot(), makeLimits())],
    ["snapshot", () => inputProblem(makeIntent(), 5 as never, makeLimits())],
    ["limits", () => inputProblem(makeIntent(), makeSnapshot(), undefined as never)],
  ])("when the whole %s is missing then it says so", (what, run) => {
    expect(run()).toContain(`${what} is malformed at (the whole object)`);
  });
});
