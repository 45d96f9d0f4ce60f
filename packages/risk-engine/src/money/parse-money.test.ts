import { describe, expect, it } from "vitest";
import { MoneyError, type MoneyErrorCode } from "./money-error.ts";
import { price, shares, usd } from "./parse-money.ts";

function codeOf(run: () => unknown): MoneyErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof MoneyError) return error.code;
    throw error;
  }
  return undefined;
}

describe("usd", () => {
  it.each([
    ["12.5", 12_500_000n],
    ["-3", -3_000_000n],
    ["0.000001", 1n],
    ["100.00", 100_000_000n],
    [".48", 480_000n],
    ["5.", 5_000_000n],
    ["1.0000000", 1_000_000n],
    ["123456789012345678901234567890", 123456789012345678901234567890_000000n],
  ])("when given %s then it parses to %s micro-USD", (input, expected) => {
    expect(usd(input)).toBe(expected);
  });

  it.each<[string, MoneyErrorCode]>([
    ["", "EMPTY"],
    ["   ", "EMPTY"],
    ["NaN", "NOT_A_DECIMAL"],
    ["1e5", "NOT_A_DECIMAL"],
    ["Infinity", "NOT_A_DECIMAL"],
    [".", "NOT_A_DECIMAL"],
    ["-", "NOT_A_DECIMAL"],
    ["+1", "NOT_A_DECIMAL"],
    [" 1", "NOT_A_DECIMAL"],
    ["1,5", "NOT_A_DECIMAL"],
    ["0.0000001", "TOO_MANY_DECIMALS"],
    ["1.1234567", "TOO_MANY_DECIMALS"],
  ])("when given %j then it throws %s", (input, code) => {
    expect(codeOf(() => usd(input))).toBe(code);
  });
});

describe("price", () => {
  it.each([
    ["0", 0n],
    ["1", 1_000_000n],
    ["0.49", 490_000n],
  ])("when given %s then it parses to %s", (input, expected) => {
    expect(price(input)).toBe(expected);
  });

  it.each<[string, MoneyErrorCode]>([
    ["1.000001", "OUT_OF_RANGE"],
    ["-0.01", "OUT_OF_RANGE"],
    ["abc", "NOT_A_DECIMAL"],
  ])("when given %s then it throws %s", (input, code) => {
    expect(codeOf(() => price(input))).toBe(code);
  });
});

describe("shares", () => {
  it.each([
    ["100", 100_000_000n],
    ["0", 0n],
    ["7.777", 7_777_000n],
  ])("when given %s then it parses to %s", (input, expected) => {
    expect(shares(input)).toBe(expected);
  });

  it("when negative then it throws OUT_OF_RANGE", () => {
    expect(codeOf(() => shares("-1"))).toBe("OUT_OF_RANGE");
  });
});
