import { describe, expect, it } from "vitest";
import { applyBpsFloor, percentToBps } from "./basis-points.ts";
import { MoneyError } from "./money-error.ts";
import { priceMicros, sharesMicros, usdMicros } from "./units.ts";

describe("percentToBps", () => {
  it.each([
    ["2.0", 200],
    ["0.5", 50],
    ["100", 10_000],
    ["0", 0],
    ["0.01", 1],
  ])("when the percentage is %s then it is %i bps", (input, expected) => {
    expect(percentToBps(input)).toBe(expected);
  });

  it.each(["100.01", "-1", "0.005"])("when the percentage is %s then it throws", (input) => {
    expect(() => percentToBps(input)).toThrow(MoneyError);
  });

  it.each([
    [1_000_000n, 5_000, 500_000n],
    [-3n, 5_000, -2n],
  ])("when %s is scaled by %i bps then it is %s", (amount, bps, expected) => {
    expect(applyBpsFloor(amount, bps)).toBe(expected);
  });
});

describe("micro-unit constructors", () => {
  it.each([
    ["price above 1", () => priceMicros(1_000_001n)],
    ["negative price", () => priceMicros(-1n)],
    ["negative shares", () => sharesMicros(-1n)],
  ])("when given a %s then it throws OUT_OF_RANGE", (_name, run) => {
    expect(run).toThrow(MoneyError);
  });

  it("when given valid micros then they are kept exactly", () => {
    expect([usdMicros(-5n), priceMicros(1_000_000n), sharesMicros(0n)]).toEqual([-5n, 1_000_000n, 0n]);
  });
});
