import type { MarketData } from "@open-trade/polymarket";
import { describe, expect, it } from "vitest";
import { cachedMarketData } from "./cached-market-data.ts";

function counting(fail = false) {
  const calls: string[] = [];
  const inner = {
    getOrderBook: async (tokenId: string) => {
      calls.push(tokenId);
      if (fail) throw new Error("down");
      return { tokenId };
    },
  } as unknown as MarketData;
  return { inner, calls };
}

describe("cachedMarketData", () => {
  it.each([
    ["within the ttl", 500, 1],
    ["after the ttl", 1_500, 2],
  ])(
    "when the same book is asked twice %s then the exchange is asked the right number of times",
    async (_w, later, expected) => {
      let clock = 0;
      const { inner, calls } = counting();
      const cached = cachedMarketData(inner, 1_000, () => clock);
      await cached.getOrderBook("t1");
      clock = later;
      await cached.getOrderBook("t1");
      expect(calls.length).toBe(expected);
    },
  );

  it("when a request fails then the failure is not cached", async () => {
    const { inner, calls } = counting(true);
    const cached = cachedMarketData(inner, 1_000, () => 0);
    await expect(cached.getOrderBook("t1")).rejects.toThrow("down");
    await expect(cached.getOrderBook("t1")).rejects.toThrow("down");
    expect(calls.length).toBe(2);
  });
});
