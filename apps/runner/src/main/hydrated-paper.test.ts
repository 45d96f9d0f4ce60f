import type { MarketData } from "@open-trade/polymarket";
import { price, shares } from "@open-trade/risk-engine";
import { describe, expect, it } from "vitest";
import { createHydratedPaper } from "./hydrated-paper.ts";

const TOKEN = "1234";
// Only the two calls paper execution makes; a real book with a bid to sell into.
const marketData = {
  getOrderBook: async () => ({
    tokenId: TOKEN,
    conditionId: "0xc",
    timestamp: 0,
    hash: "h",
    bids: [{ price: price("0.6"), size: shares("1000") }],
    asks: [{ price: price("0.62"), size: shares("1000") }],
    tickSize: price("0.01"),
    minOrderSize: shares("5"),
  }),
  getMarketParams: async () => ({
    conditionId: "0xc",
    tickSize: price("0.01"),
    minOrderSize: shares("5"),
    negRisk: false,
    fee: { rateBps: 0, exponent: 1 },
  }),
} as unknown as MarketData;

async function sell(paper: ReturnType<typeof createHydratedPaper>["paper"], size: string) {
  const prepared = await paper.prepareOrder({
    tokenId: TOKEN,
    side: "SELL",
    shares: shares(size),
    limitPrice: price("0.55"),
    type: "FOK",
  });
  if (!prepared.ok) return prepared.failure.code;
  const outcome = await paper.submitOrder(prepared.value);
  return outcome.ok ? `filled ${outcome.filled}` : outcome.failure.code;
}

describe("createHydratedPaper", () => {
  it.each<[string, string[], string, string]>([
    ["nothing was restored", [], "30.76", "INSUFFICIENT_BALANCE"],
    ["the holding was restored", ["30.76"], "30.76", "filled 30760000"],
    ["two rows of one token were restored", ["10", "20.76"], "30.76", "filled 30760000"],
    ["more is sold than was held", ["30.76"], "30.77", "INSUFFICIENT_BALANCE"],
  ])("when %s then selling the position gives the ledger's answer", async (_name, held, size, expected) => {
    const { paper, hydrate } = createHydratedPaper(marketData, () => 0);
    await hydrate(held.map((s) => ({ tokenId: TOKEN, shares: shares(s) })));
    expect(await sell(paper, size)).toBe(expected);
  });

  it("when a holding is restored then later orders use the market's real fee and book again", async () => {
    const { paper, hydrate } = createHydratedPaper(marketData, () => 0);
    await hydrate([{ tokenId: TOKEN, shares: shares("10") }]);
    expect([paper.position(TOKEN), await sell(paper, "10"), paper.position(TOKEN)]).toEqual([
      shares("10"),
      "filled 10000000",
      shares("0"),
    ]);
  });
});
