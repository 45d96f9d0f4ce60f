import { price, shares, usd } from "@open-trade/risk-engine";
import { describe, expect, it } from "vitest";
import type { LedgerFill } from "./ledger-holdings.ts";
import { pnlToday } from "./pnl-today.ts";

const DAY = 86_400_000;
const NOW = 20 * DAY + 12 * 3_600_000;
const fill = (side: "BUY" | "SELL", size: string, at: string, atMs: number): LedgerFill => ({
  mode: "paper",
  marketId: "m1",
  tokenId: "t1",
  side,
  shares: shares(size),
  price: price(at),
  fee: usd("0"),
  atMs,
});

describe("pnlToday", () => {
  it.each([
    ["a buy today marked 0.1 lower", [fill("BUY", "10", "0.5", NOW - 1000)], "0.4", "-1"],
    ["a buy yesterday and no move today", [fill("BUY", "10", "0.5", NOW - DAY)], "0.4", "0"],
    [
      "a round trip today at a profit",
      [fill("BUY", "10", "0.5", NOW - 2000), fill("SELL", "10", "0.6", NOW - 1000)],
      null,
      "1",
    ],
    ["no bid for a holding bought today", [fill("BUY", "10", "0.5", NOW - 1000)], null, "0"],
  ])("when %s then today's PnL is exact", (_w, fills, bid, expected) => {
    expect(pnlToday(fills, () => (bid === null ? null : price(bid)), NOW)).toBe(usd(expected));
  });
});
