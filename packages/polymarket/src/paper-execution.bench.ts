import { type OrderBook, type Price, price, type Shares, shares, usd } from "@open-trade/risk-engine";
import { bench, describe } from "vitest";
import type { PreparedOrder } from "./execution.ts";
import { createPaperExecution } from "./paper-execution.ts";

// 1,000 ask levels one micro-tick apart (0.400000 .. 0.400999), 10 shares each, best price last.
const BOOK: OrderBook = {
  bids: [],
  asks: Array.from({ length: 1_000 }, (_, i) => ({
    price: (400_999n - BigInt(i)) as Price,
    size: 10_000_000n as Shares,
  })),
  tickSize: 1n as Price,
  minOrderSize: shares("1"),
};
const paper = createPaperExecution({
  book: () => BOOK,
  params: async () => ({
    conditionId: "0xc",
    tickSize: price("0.0001"),
    minOrderSize: shares("1"),
    negRisk: false,
    fee: { rateBps: 700, exponent: 1 },
  }),
  startingCash: usd("1000000000"),
  now: () => 0,
});
const template: Omit<PreparedOrder, "orderId"> = {
  mode: "paper",
  tokenId: "1",
  side: "BUY",
  type: "FOK",
  // Sweeps all 1,000 levels.
  shares: "10000",
  limitPrice: "0.41",
  expiresAt: null,
  negRisk: false,
  payload: {},
};

describe("paper execution", () => {
  let n = 0;
  bench("FOK BUY sweeping a 1,000-level book (walk + fee + ledger)", async () => {
    await paper.submitOrder({ ...template, orderId: `o${n++}` });
  });
});
