import { describe, expect, it } from "vitest";
import { ledgerSearchSchema, tradesInput } from "./ledger-search.ts";
import { type LedgerTrade, visibleTrades } from "./visible-trades.ts";

const trade = (id: string, more: Partial<LedgerTrade> = {}): LedgerTrade => ({
  id,
  botId: "b1",
  botName: "Fade long shots",
  marketId: "0xabc",
  tokenId: "t1",
  mode: "paper",
  side: "buy",
  size: "10",
  price: "0.5",
  feeUsd: "0",
  reasoning: "The favourite is underpriced.",
  orderId: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  ...more,
});

const newestFirst = [
  trade("3", { botName: "Momentum" }),
  trade("2", { reasoning: "Election odds moved" }),
  trade("1", { marketId: "0xdef" }),
];

describe("visibleTrades", () => {
  it.each([
    ["no text", undefined, "newest", ["3", "2", "1"]],
    ["no text, oldest first", undefined, "oldest", ["1", "2", "3"]],
    ["a bot name in another case", "MOMENTUM", "newest", ["3"]],
    ["words of the reasoning", "election", "newest", ["2"]],
    ["a market id", "0xdef", "newest", ["1"]],
    ["a market's question", "rain", "newest", ["1"]],
    ["text nothing has", "zzz", "newest", []],
  ] as const)("when filtering by %s then the right trades remain in order", (_name, q, sort, ids) => {
    const question = (marketId: string) => (marketId === "0xdef" ? "Will it rain?" : undefined);
    expect(visibleTrades(newestFirst, { q, sort }, question).map((t) => t.id)).toEqual(ids);
  });

  it("when sorting oldest first then the loaded list itself is left as it was", () => {
    visibleTrades(newestFirst, { sort: "oldest" });
    expect(newestFirst.map((t) => t.id)).toEqual(["3", "2", "1"]);
  });
});

describe("ledger search in the URL", () => {
  it("when the URL carries nonsense then each bad filter is dropped and the rest kept", () => {
    expect(
      ledgerSearchSchema.parse({ side: "short", mode: "live", sort: "sideways", from: "yesterday" }),
    ).toEqual({
      mode: "live",
      sort: "newest",
    });
  });

  it("when days are chosen then the API gets the whole of the last day", () => {
    const search = ledgerSearchSchema.parse({ from: "2026-01-30", to: "2026-01-31", side: "sell" });
    expect(tradesInput(search)).toEqual({
      limit: 200,
      side: "sell",
      from: "2026-01-30T00:00:00.000Z",
      to: "2026-02-01T00:00:00.000Z",
    });
  });
});
