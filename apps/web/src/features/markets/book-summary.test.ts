import { describe, expect, it } from "vitest";
import { bookSummary, depthLadder } from "./book-summary.ts";

const bids = [
  { price: "0.41", size: "100" },
  { price: "0.43", size: "50" },
  { price: "0.42", size: "1000" },
];
const asks = [
  { price: "0.47", size: "10" },
  { price: "0.455", size: "20" },
];

describe("bookSummary", () => {
  it("when both sides have levels then the best prices and the spread are exact", () => {
    expect(bookSummary(bids, asks)).toEqual({ bestBid: "0.43", bestAsk: "0.455", spread: "0.025" });
  });

  it.each([
    ["no bids", [], asks, { bestBid: null, bestAsk: "0.455", spread: null }],
    ["no asks", bids, [], { bestBid: "0.43", bestAsk: null, spread: null }],
  ])("when the book has %s then the missing side and the spread are null", (_n, b, a, expected) => {
    expect(bookSummary(b, a)).toEqual(expected);
  });
});

describe("depthLadder", () => {
  it("when bids are laddered then the best (highest) comes first and sizes accumulate", () => {
    expect(depthLadder(bids, "bid")).toEqual([
      { price: "0.43", size: "50", cumulative: "50" },
      { price: "0.42", size: "1000", cumulative: "1050" },
      { price: "0.41", size: "100", cumulative: "1150" },
    ]);
  });

  it("when asks are laddered then the best (lowest) comes first, cut at the count", () => {
    expect(depthLadder(asks, "ask", 1)).toEqual([{ price: "0.455", size: "20", cumulative: "20" }]);
  });
});
