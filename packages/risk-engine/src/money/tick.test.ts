import { describe, expect, it } from "vitest";
import { MoneyError } from "./money-error.ts";
import { notional, sharesFor } from "./notional.ts";
import { price, shares, usd } from "./parse-money.ts";
import { isOnTick, roundLimitToTick } from "./tick.ts";
import type { Side } from "./units.ts";

describe("roundLimitToTick", () => {
  it.each<[string, string, Side, string]>([
    ["0.123", "0.01", "BUY", "0.12"],
    ["0.123", "0.01", "SELL", "0.13"],
    ["0.12", "0.01", "BUY", "0.12"],
    ["0.12", "0.01", "SELL", "0.12"],
    ["0.5551", "0.001", "BUY", "0.555"],
    ["0.5559", "0.0025", "SELL", "0.5575"],
  ])("when %s on tick %s for a %s then the limit is %s", (value, tick, side, expected) => {
    expect(roundLimitToTick(price(value), price(tick), side)).toBe(price(expected));
  });

  it("when the tick is zero then it throws INVALID_TICK", () => {
    expect(() => isOnTick(price("0.5"), price("0"))).toThrow(MoneyError);
  });

  it.each([
    ["0.12", "0.01", true],
    ["0.125", "0.01", false],
    ["0.125", "0.005", true],
  ])("when %s is checked against tick %s then on-tick is %s", (value, tick, expected) => {
    expect(isOnTick(price(value), price(tick))).toBe(expected);
  });
});

describe("notional", () => {
  it.each([
    ["7.777", "0.123", "up", "0.956571"],
    ["0.000001", "0.5", "up", "0.000001"],
    ["0.000001", "0.5", "down", "0"],
    ["10", "0.5", "down", "5"],
  ] as const)("when %s shares at %s rounded %s then it is %s USD", (qty, at, rounding, expected) => {
    expect(notional(shares(qty), price(at), rounding)).toBe(usd(expected));
  });
});

describe("sharesFor", () => {
  it.each([
    ["20", "0.52", "38.461538"],
    ["0", "0.52", "0"],
    ["5", "0", "0"],
  ])("when spending %s USD at %s then it buys %s shares", (amount, at, expected) => {
    expect(sharesFor(usd(amount), price(at))).toBe(shares(expected));
  });
});
