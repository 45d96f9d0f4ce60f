import { describe, expect, it } from "vitest";
import { toEquity } from "./equity.ts";

describe("toEquity", () => {
  it("when daily PnL is folded then each day carries the exact running total", () => {
    expect(
      toEquity([
        { day: "2026-12-01", realizedPnlUsd: "0.1" },
        { day: "2026-12-02", realizedPnlUsd: "0.2" },
        { day: "2026-12-03", realizedPnlUsd: "-1.000001" },
      ]),
    ).toEqual([
      { day: "2026-12-01", equityUsd: "0.1" },
      { day: "2026-12-02", equityUsd: "0.3" },
      { day: "2026-12-03", equityUsd: "-0.700001" },
    ]);
  });
});
