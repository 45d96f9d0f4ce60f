import { describe, expect, it } from "vitest";
import { price, shares, usd } from "../money/parse-money.ts";
import { averageFillPrice, tradesFillPrice } from "./fill-price.ts";

describe("fill price", () => {
  it.each([
    ["BUY", "up", "0.333334"],
    ["SELL", "down", "0.333333"],
  ] as const)("when a %s costs $1 for 3 shares then it is rounded %s", (side, _how, expected) => {
    expect(averageFillPrice(side, usd("1"), shares("3"))).toBe(price(expected));
  });

  it.each(["BUY", "SELL"] as const)(
    "when a %s is booked from its cost or from its trades then both give the same price",
    (side) => {
      const trades = [
        { shares: shares("1"), price: price("0.5") },
        { shares: shares("2"), price: price("0.25") },
      ];
      // 1 + 0.5 = $1 exact for 3 shares.
      expect(tradesFillPrice(side, trades)).toBe(averageFillPrice(side, usd("1"), shares("3")));
    },
  );

  it("when nothing filled then it refuses to price the fill", () => {
    expect(() => averageFillPrice("BUY", usd("1"), shares("0"))).toThrow(/positive filled size/);
  });
});
