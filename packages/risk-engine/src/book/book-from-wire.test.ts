import { describe, expect, it } from "vitest";
import { MoneyError } from "../money/money-error.ts";
import { bookFromWire } from "./book-from-wire.ts";

const level = (price: string, size: string) => ({ price, size });

describe("bookFromWire", () => {
  it("when levels arrive in wire order then they are kept, best last, exactly", () => {
    const book = bookFromWire({
      bids: [level("0.48", "100"), level(".49", "50.5")],
      asks: [level("0.53", "100"), level("0.52", "40")],
      tick_size: "0.01",
      min_order_size: "5",
    });
    expect(book).toEqual({
      bids: [
        { price: 480_000n, size: 100_000_000n },
        { price: 490_000n, size: 50_500_000n },
      ],
      asks: [
        { price: 530_000n, size: 100_000_000n },
        { price: 520_000n, size: 40_000_000n },
      ],
      tickSize: 10_000n,
      minOrderSize: 5_000_000n,
    });
  });

  it("when a producer sends the sides out of order then the best level still ends up last", () => {
    const book = bookFromWire({
      bids: [level("0.49", "1"), level("0.40", "1"), level("0.48", "1"), level("0.48", "2")],
      asks: [level("0.52", "1"), level("0.60", "1"), level("0.53", "1")],
      tick_size: "0.01",
      min_order_size: "5",
    });
    expect([book.bids.map((l) => l.price), book.asks.map((l) => l.price)]).toEqual([
      [400_000n, 480_000n, 480_000n, 490_000n],
      [600_000n, 530_000n, 520_000n],
    ]);
  });

  it.each([
    ["a price above 1", { price: "1.5", size: "1" }],
    ["a size in exponent form", { price: "0.5", size: "1e3" }],
  ])("when a level has %s then it throws a MoneyError", (_name, bad) => {
    expect(() => bookFromWire({ bids: [bad], asks: [], tick_size: "0.01", min_order_size: "5" })).toThrow(
      MoneyError,
    );
  });
});
