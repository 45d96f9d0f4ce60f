import { describe, expect, it } from "vitest";
import { fillNotional, slippageCents } from "./fill-math.ts";

describe("fillNotional", () => {
  it.each([
    ["10", "0.55", "5.5"],
    ["3.33", "0.333", "1.10889"],
    ["0.01", "0.01", "0.0001"],
  ])("when %s shares fill at %s then they cost exactly %s", (size, p, expected) => {
    expect(fillNotional(size, p)).toBe(expected);
  });
});

describe("slippageCents", () => {
  it.each([
    ["buy", "0.56", "0.55", "+1¢"],
    ["buy", "0.545", "0.55", "-0.5¢"],
    ["sell", "0.54", "0.55", "+1¢"],
    ["sell", "0.55", "0.55", "0¢"],
  ] as const)("when a %s fills at %s against %s then slippage is %s", (side, fill, intended, expected) => {
    expect(slippageCents(side, fill, intended)).toBe(expected);
  });

  it("when no price was intended then there is no slippage to show", () => {
    expect(slippageCents("buy", "0.5", null)).toBeNull();
  });
});
