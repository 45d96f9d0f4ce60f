import { describe, expect, it } from "vitest";
import { filterBots, sortBots } from "./bot-list-view.ts";

const bots = [
  { name: "b", status: "paused", pnlTodayUsd: "-0.5", lastEvaluation: null },
  { name: "a", status: "paper", pnlTodayUsd: "10.000001", lastEvaluation: { at: "2026-12-03T10:00:00Z" } },
  { name: "c", status: "live", pnlTodayUsd: "10", lastEvaluation: { at: "2026-12-03T11:00:00Z" } },
];

describe("bot list view", () => {
  it("when only running bots are shown then paused ones are left out", () => {
    expect(filterBots(bots, "running").map((b) => b.name)).toEqual(["a", "c"]);
    expect(filterBots(bots, "paused").map((b) => b.name)).toEqual(["b"]);
  });

  it("when sorted by PnL then a millionth of a dollar still decides the order", () => {
    expect(sortBots(bots, "pnl").map((b) => b.name)).toEqual(["a", "c", "b"]);
  });

  it("when sorted by last evaluation then the most recent comes first and never-run bots last", () => {
    expect(sortBots(bots, "last-run").map((b) => b.name)).toEqual(["c", "a", "b"]);
  });
});
