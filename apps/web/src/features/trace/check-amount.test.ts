import { describe, expect, it } from "vitest";
import { checkUnit, formatCheckAmount } from "./check-amount.ts";

describe("formatCheckAmount", () => {
  it.each([
    ["usd", "50.000000", "$50.00"],
    ["usd", "5.099999", "$5.099999"],
    ["usd", "-100.000000", "-$100.00"],
    ["usd", "1234.500000", "$1,234.50"],
    ["price", "0.510000", "51¢"],
    ["price", "0.515000", "51.5¢"],
    ["price", "0.510500", "51.05¢"],
    ["shares", "250.000000", "250 shares"],
    ["count", "10", "10"],
    ["text", "politics, sports", "politics, sports"],
    ["time", "1764763200000", "3 Dec 2025, 12:00:00 UTC"],
  ] as const)("when a %s amount is %s then it reads %s", (unit, value, expected) => {
    expect(formatCheckAmount(unit, value)).toBe(expected);
  });

  it("when there is no amount then there is nothing to show", () => {
    expect(formatCheckAmount("usd", null)).toBeNull();
  });

  it("when an amount is not a number then it is shown as it came", () => {
    expect(formatCheckAmount("usd", "n/a")).toBe("n/a");
  });

  it("when a check is named then its unit comes from the risk engine, unknown names are text", () => {
    expect(checkUnit("trades per day")).toBe("count");
    expect(checkUnit("max position size (with correlated markets)")).toBe("usd");
    expect(checkUnit("a check from a newer runner")).toBe("text");
  });
});
