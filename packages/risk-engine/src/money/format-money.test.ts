import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMicros, formatMicrosFixed, formatPrice, formatShares, formatUsd } from "./format-money.ts";
import { price, shares, usd } from "./parse-money.ts";

describe("formatMicros", () => {
  it.each([
    [12_500_000n, "12.5"],
    [1n, "0.000001"],
    [-3_000_000n, "-3"],
    [0n, "0"],
    [-1n, "-0.000001"],
    [1_234_567_890n, "1234.56789"],
  ])("when given %s then it prints %s", (micros, expected) => {
    expect(formatMicros(micros)).toBe(expected);
  });

  it("when formatting then parsing any amount then the amount is unchanged", () => {
    fc.assert(fc.property(fc.bigInt(), (micros) => usd(formatMicros(micros)) === micros));
  });

  it("when formatting branded values then each unit formats the same way", () => {
    expect([formatUsd(usd("-2.5")), formatPrice(price("0.49")), formatShares(shares("7.777"))]).toEqual([
      "-2.5",
      "0.49",
      "7.777",
    ]);
  });
});

describe("formatMicrosFixed", () => {
  it.each([
    [50_000_000n, "50.000000"],
    [1n, "0.000001"],
    [-3_200_000n, "-3.200000"],
    [0n, "0.000000"],
    [-1n, "-0.000001"],
  ])("when given %s then it prints %s", (micros, expected) => {
    expect(formatMicrosFixed(micros)).toBe(expected);
  });

  it("when formatting then parsing any amount then the amount is unchanged", () => {
    fc.assert(fc.property(fc.bigInt(), (micros) => usd(formatMicrosFixed(micros)) === micros));
  });
});
