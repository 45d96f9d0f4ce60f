import { describe, expect, it } from "vitest";
import { modeTotals } from "./mode-totals.ts";

describe("modeTotals", () => {
  const bots = [
    { mode: "paper" as const, pnlTodayUsd: "0.1", llmSpendTodayUsd: "0.0001" },
    { mode: "paper" as const, pnlTodayUsd: "0.2", llmSpendTodayUsd: "0.0002" },
    { mode: "live" as const, pnlTodayUsd: "-50", llmSpendTodayUsd: "1" },
  ];
  const positions = [
    { mode: "paper" as const, costBasisUsd: "5.5" },
    { mode: "live" as const, costBasisUsd: "100" },
  ];

  it("when paper totals are shown then live money is never added in", () => {
    const t = modeTotals(bots, positions, "paper");
    expect([t.pnlTodayUsd, t.openPositions]).toEqual(["0.3", 1]);
  });

  it("when live totals are shown then only live bots count", () => {
    const t = modeTotals(bots, positions, "live");
    expect([t.pnlTodayUsd, t.openPositions]).toEqual(["-50", 1]);
    expect(t.rangePnl([{ realizedPnlUsd: "1.5" }, { realizedPnlUsd: "-0.25" }])).toBe("1.25");
  });
});
