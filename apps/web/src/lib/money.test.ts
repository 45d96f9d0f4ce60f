import { describe, expect, it } from "vitest";
import {
  direction,
  formatCents,
  formatPercent,
  formatShares,
  formatUsd,
  sumDecimals,
  usedPercent,
} from "./money.ts";

describe("formatUsd", () => {
  it.each([
    ["1234.5", {}, "$1,234.50"],
    ["0", {}, "$0.00"],
    ["-3.2", {}, "-$3.20"],
    ["12.345", {}, "$12.35"],
    ["12.344999", {}, "$12.34"],
    ["-0.004", { signed: true }, "$0.00"],
    ["5", { signed: true }, "+$5.00"],
    ["-5", { signed: true }, "-$5.00"],
    ["1234567890123.45", {}, "$1,234,567,890,123.45"],
    ["0.000125", { decimals: 4 }, "$0.0001"],
    ["0.00015", { decimals: 4 }, "$0.0002"],
  ] as const)("when %s is formatted with %o then it reads %s", (value, options, expected) => {
    expect(formatUsd(value, options)).toBe(expected);
  });

  it("when a value is not a decimal then it throws instead of printing NaN", () => {
    expect(() => formatUsd("1e5")).toThrow(/not a decimal/);
    expect(() => formatUsd("")).toThrow(/not a decimal/);
  });

  it("when an amount is beyond a float's precision then every digit survives", () => {
    expect(formatUsd("9007199254740993.01")).toBe("$9,007,199,254,740,993.01");
  });
});

describe("formatCents", () => {
  it.each([
    ["0.65", "65¢"],
    ["0.655", "65.5¢"],
    ["0.6555", "65.6¢"],
    ["1", "100¢"],
    ["0.001", "0.1¢"],
    ["0", "0¢"],
  ])("when the price is %s then it shows %s", (value, expected) => {
    expect(formatCents(value)).toBe(expected);
  });
});

describe("formatShares and formatPercent", () => {
  it.each([
    ["1234.5", "1,234.5"],
    ["100.000000", "100"],
    ["0.125", "0.13"],
  ])("when shares are %s then they show %s", (value, expected) => {
    expect(formatShares(value)).toBe(expected);
  });

  it("when a percentage is signed then increases carry a plus", () => {
    expect(formatPercent("2.50", true)).toBe("+2.5%");
    expect(formatPercent("-1", true)).toBe("-1%");
    expect(formatPercent("2")).toBe("2%");
  });
});

describe("direction", () => {
  it.each([
    ["3.1", "gain"],
    ["-0.01", "loss"],
    ["0", "flat"],
    ["-0.001", "flat"],
  ] as const)("when PnL is %s then it is a %s", (value, expected) => {
    expect(direction(value)).toBe(expected);
  });
});

describe("sumDecimals", () => {
  it("when amounts that floats get wrong are summed then the result is exact", () => {
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals(["10", "-12.5", "0.000001"])).toBe("-2.499999");
    expect(sumDecimals([])).toBe("0");
  });
});

describe("usedPercent", () => {
  it.each([
    ["25", "100", 25],
    ["150", "100", 100],
    ["-5", "100", 0],
    ["1", null, null],
    ["1", "0", null],
  ] as const)("when %s of %s is used then the meter shows %s", (used, limit, expected) => {
    expect(usedPercent(used, limit)).toBe(expected);
  });
});
