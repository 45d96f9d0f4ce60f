import { describe, expect, it } from "vitest";
import { makeBook } from "../../test/book.ts";
import { price } from "../money/parse-money.ts";
import type { Side } from "../money/units.ts";
import { slippageLimitPrice } from "./slippage-limit-price.ts";

describe("slippageLimitPrice", () => {
  const book = makeBook(
    [
      ["0.40", "10"],
      ["0.48", "10"],
    ],
    [
      ["0.60", "10"],
      ["0.50", "10"],
    ],
  );

  it.each<[string, Side, number, string]>([
    ["2 % above the best ask rounds down onto the tick", "BUY", 200, "0.51"],
    ["1 % above the best ask stays at the best ask", "BUY", 100, "0.5"],
    ["2 % below the best bid rounds up onto the tick", "SELL", 200, "0.48"],
    ["5 % below the best bid", "SELL", 500, "0.46"],
    ["a huge BUY tolerance is capped at 1 - tick", "BUY", 10_000, "0.99"],
    ["a full SELL tolerance is floored at the tick", "SELL", 10_000, "0.01"],
  ])("when %s then the limit is %s", (_name, side, bps, expected) => {
    expect(slippageLimitPrice(book, side, bps)).toBe(price(expected));
  });

  it("when the side to take from is empty then there is no limit", () => {
    expect(slippageLimitPrice(makeBook([], []), "BUY", 200)).toBeNull();
  });
});
