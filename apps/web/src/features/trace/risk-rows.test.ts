import { RISK_CHECKS } from "@open-trade/risk-engine";
import { describe, expect, it } from "vitest";
import { riskRows } from "./risk-rows.ts";

describe("riskRows", () => {
  it("when an order filled then every check is a row and every row passed", () => {
    const rows = riskRows("filled", []);
    expect(rows).toHaveLength(RISK_CHECKS.length);
    expect(rows.every((r) => r.result === "pass")).toBe(true);
  });

  it("when an order was denied then exactly the refusing checks are denied, with their codes", () => {
    const rows = riskRows("denied", ["MAX_TRADES_PER_DAY_REACHED", "INSUFFICIENT_LIQUIDITY"]);
    const denied = rows.filter((r) => r.result === "denied");
    expect(denied.map((r) => [r.check, r.code])).toEqual([
      ["trades per day", "MAX_TRADES_PER_DAY_REACHED"],
      ["liquidity: the book can fill the size at all", "INSUFFICIENT_LIQUIDITY"],
    ]);
  });

  it("when the model budget refused the call then that denial shows even though no order was checked", () => {
    const rows = riskRows("skipped", ["LLM_BUDGET_EXCEEDED"]);
    expect(rows[0]).toMatchObject({ result: "denied", code: "LLM_BUDGET_EXCEEDED" });
  });

  it.each(["hold", "skipped", "failed", "running"])(
    "when the outcome is %s with no codes then there are no rows",
    (o) => {
      expect(riskRows(o, [])).toEqual([]);
    },
  );

  it("when the risk engine gains a check then this table must learn its codes", () => {
    expect(RISK_CHECKS).toHaveLength(21);
  });
});
