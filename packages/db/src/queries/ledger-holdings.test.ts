import { price, shares, usd } from "@open-trade/risk-engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldHoldings, type LedgerFill } from "./ledger-holdings.ts";

const fill = (side: "BUY" | "SELL", size: string, at: string, atMs: number, tokenId = "t1"): LedgerFill => ({
  mode: "paper",
  marketId: "m1",
  tokenId,
  side,
  shares: shares(size),
  price: price(at),
  fee: usd("0.01"),
  atMs,
});

describe("foldHoldings", () => {
  it.each([
    ["one buy", [fill("BUY", "10", "0.5", 1)], "10", "5", "-0.01"],
    [
      "a buy then a full sell at a profit",
      [fill("BUY", "10", "0.5", 1), fill("SELL", "10", "0.6", 2)],
      "0",
      "0",
      "0.98",
    ],
    [
      "a buy then half sold at a loss",
      [fill("BUY", "10", "0.5", 1), fill("SELL", "5", "0.4", 2)],
      "5",
      "2.5",
      "-0.52",
    ],
  ])("when the ledger holds %s then the position is exact", (_w, fills, held, basis, realized) => {
    const position = foldHoldings(fills).get("t1")?.position;
    expect(position).toEqual({ shares: shares(held), costBasis: usd(basis), realizedPnl: usd(realized) });
  });

  it("when fills after a cut-off exist then they are ignored", () => {
    const holdings = foldHoldings([fill("BUY", "10", "0.5", 1), fill("BUY", "10", "0.5", 5)], 5);
    expect(holdings.get("t1")?.position.shares).toBe(shares("10"));
  });

  it("when buys are split across tokens then each token keeps its own holding", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 1000 })), { maxLength: 30 }),
        (buys) => {
          const fills = buys.map(([first, n], i) => ({
            ...fill("BUY", String(n), "0.5", i, first ? "a" : "b"),
          }));
          const holdings = foldHoldings(fills);
          const total = [...holdings.values()].reduce((sum, h) => sum + h.position.shares, 0n);
          expect(total).toBe(buys.reduce((sum, [, n]) => sum + BigInt(n) * 1_000_000n, 0n));
        },
      ),
    );
  });
});
