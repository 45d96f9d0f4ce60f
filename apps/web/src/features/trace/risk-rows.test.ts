import { RISK_CHECKS } from "@open-trade/risk-engine";
import { describe, expect, it } from "vitest";
import { riskRows, tracedRiskRows } from "./risk-rows.ts";

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
});

describe("tracedRiskRows", () => {
  it("when the trace has checks then each row keeps its verdict and code and reads limit and value by unit", () => {
    const rows = tracedRiskRows([
      { name: "trades per day", verdict: "pass", code: null, limit: "10", value: "3" },
      {
        name: "max position size (with correlated markets)",
        verdict: "clipped",
        code: "MAX_POSITION_SIZE_EXCEEDED",
        limit: "50.000000",
        value: "52.100000",
      },
      {
        name: "slippage: the book can fill the size within the threshold",
        verdict: "denied",
        code: "SLIPPAGE_EXCEEDED",
        limit: "0.510000",
        value: "0.520000",
      },
      { name: "shared risk pool", verdict: "skipped", code: null, limit: null, value: null },
    ]);
    expect(rows).toEqual([
      { check: "trades per day", limit: "10", value: "3", result: "pass", code: null },
      {
        check: "max position size (with correlated markets)",
        limit: "$50.00",
        value: "$52.10",
        result: "clipped",
        code: "MAX_POSITION_SIZE_EXCEEDED",
      },
      {
        check: "slippage: the book can fill the size within the threshold",
        limit: "51¢",
        value: "52¢",
        result: "denied",
        code: "SLIPPAGE_EXCEEDED",
      },
      { check: "shared risk pool", limit: null, value: null, result: "skipped", code: null },
    ]);
  });
});
