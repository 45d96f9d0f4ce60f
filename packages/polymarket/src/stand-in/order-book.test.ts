import { describe, expect, it } from "vitest";
import { addEntry, emptyBook, removeOrder, replaceHouse, wireLevels } from "./order-book.ts";
import type { Side } from "./types.ts";

const house = (size: bigint) => ({ orderId: null, owner: null, size });

describe("addEntry", () => {
  it.each<[Side, bigint[], string[]]>([
    ["BUY", [480_000n, 500_000n, 490_000n], ["0.48", "0.49", "0.5"]],
    ["SELL", [520_000n, 510_000n, 530_000n], ["0.53", "0.52", "0.51"]],
  ])(
    "when %s levels arrive out of order then they are kept in wire order (best last)",
    (side, prices, expected) => {
      const book = emptyBook();
      for (const price of prices) addEntry(book, side, price, house(1_000_000n));
      const levels = side === "BUY" ? book.bids : book.asks;
      expect(wireLevels(levels).map((level) => level.price)).toEqual(expected);
    },
  );

  it("when two entries share a price then they aggregate into one level in arrival order", () => {
    const book = emptyBook();
    addEntry(book, "BUY", 500_000n, house(1_000_000n));
    addEntry(book, "BUY", 500_000n, { orderId: "0xa", owner: "0x1", size: 2_000_000n });
    expect(wireLevels(book.bids)).toEqual([{ price: "0.5", size: "3" }]);
    expect(book.bids[0]?.entries.map((entry) => entry.orderId)).toEqual([null, "0xa"]);
  });
});

describe("replaceHouse", () => {
  it("when the house liquidity is replaced then user orders stay and old house levels go", () => {
    const book = emptyBook();
    addEntry(book, "SELL", 600_000n, house(5_000_000n));
    addEntry(book, "SELL", 550_000n, { orderId: "0xb", owner: "0x1", size: 1_000_000n });
    replaceHouse(book, "SELL", [
      { price: 560_000n, size: 7_000_000n },
      { price: 0n, size: 0n },
    ]);
    expect(wireLevels(book.asks)).toEqual([
      { price: "0.56", size: "7" },
      { price: "0.55", size: "1" },
    ]);
  });
});

describe("removeOrder", () => {
  it("when the last entry of a level is removed then the level disappears", () => {
    const book = emptyBook();
    addEntry(book, "BUY", 400_000n, { orderId: "0xc", owner: "0x1", size: 1_000_000n });
    removeOrder(book, "BUY", 400_000n, "0xc");
    expect(book.bids).toEqual([]);
  });
});
