import { type BookLevel, formatPrice, price, shares, usd } from "@open-trade/risk-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpMarketData } from "./http-market-data.ts";
import type { TokenBook } from "./market-data.ts";
import { createMarketFeed } from "./market-feed.ts";
import { createPaperExecution } from "./paper-execution.ts";
import { MARKET_CHANNEL_PATH, type StandInExchange, startStandInExchange } from "./stand-in/index.ts";

// Market data and the live feed against the stand-in's Gamma, CLOB and market WebSocket.

let exchange: StandInExchange;
beforeAll(async () => {
  exchange = await startStandInExchange({ seed: 11 });
});
afterAll(() => exchange.close());

const data = () => createHttpMarketData({ gammaUrl: exchange.gammaUrl, clobUrl: exchange.clobUrl });
const wire = (levels: readonly BookLevel[]) => levels.map((l) => ({ price: l.price, size: l.size }));
const fromInspect = (levels: { price: string; size: string }[]) =>
  levels.map((l) => ({ price: price(l.price), size: shares(l.size) }));

async function until(condition: () => boolean, timeoutMs = 5_000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("market data against the stand-in", () => {
  it("when active markets are listed then every simulated market parses with exact tokens and prices", async () => {
    const markets = await data().listMarkets({ active: true, now: new Date() });
    expect(markets.length).toBe(exchange.markets().length);
    for (const market of markets) {
      expect(market.question).toMatch(/simulated/i);
      expect(market.outcomes.map((o) => o.tokenId)).toEqual(
        exchange
          .markets()
          .find((m) => m.conditionId === market.conditionId)
          ?.tokens.map((t) => t.tokenId),
      );
    }
  });

  it("when a category is asked for then only that category comes back", async () => {
    const category = exchange.markets()[0]?.category ?? "";
    const markets = await data().listMarkets({ categories: [category], now: new Date() });
    expect(markets.length).toBeGreaterThan(0);
    expect(markets.every((m) => m.category === category || m.tags.includes(category))).toBe(true);
  });

  it("when a token's book, params and quote are read then they agree with the exchange", async () => {
    const market = exchange.markets()[0];
    const tokenId = market?.tokens[0]?.tokenId ?? "";
    const book = await data().getOrderBook(tokenId);
    const truth = exchange.inspect.book(tokenId);
    expect([wire(book.bids), wire(book.asks)]).toEqual([fromInspect(truth.bids), fromInspect(truth.asks)]);
    const params = await data().getMarketParams(tokenId);
    expect([params.tickSize, params.negRisk]).toEqual([price(market?.tickSize ?? ""), market?.negRisk]);
    const quote = await data().getQuote(tokenId);
    const bestBid = book.bids.at(-1)?.price ?? 0n;
    const bestAsk = book.asks.at(-1)?.price ?? 0n;
    expect(quote.spread).toBe(bestAsk - bestBid);
  });

  it("when a market resolves then its resolution names the winning token and Gamma still finds it", async () => {
    const market = exchange.markets().at(-1);
    const winner = market?.tokens[1];
    exchange.resolveMarket(market?.conditionId ?? "", winner?.outcome ?? "");
    expect(await data().getResolution(market?.conditionId ?? "")).toEqual({
      state: "resolved",
      conditionId: market?.conditionId,
      winningTokenId: winner?.tokenId,
    });
    expect((await data().getMarket(market?.conditionId ?? "")).closed).toBe(true);
  });
});

describe("feed against the stand-in", () => {
  it("when the markets move for many steps and the socket is dropped then the cache equals the exchange's book", async () => {
    const tokenIds = exchange
      .markets()
      .slice(0, 3)
      .map((m) => m.tokens[0]?.tokenId ?? "");
    const feed = createMarketFeed({
      wsUrl: `${exchange.wsUrl}${MARKET_CHANNEL_PATH}`,
      tokenIds,
      backoff: { initialMs: 5, maxMs: 50 },
    });
    try {
      for (const tokenId of tokenIds) await feed.waitForBook(tokenId, 3_000);
      for (let step = 0; step < 300; step++) {
        exchange.advance(1);
        if (step === 100 || step === 200) exchange.injectFault({ kind: "drop-websocket" });
        if (step % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const matches = (tokenId: string) => {
        const cached = feed.cache.get(tokenId);
        const truth = exchange.inspect.book(tokenId);
        return (
          cached !== undefined &&
          JSON.stringify([wire(cached.bids), wire(cached.asks)], (_k, v) =>
            typeof v === "bigint" ? `${v}` : v,
          ) ===
            JSON.stringify([fromInspect(truth.bids), fromInspect(truth.asks)], (_k, v) =>
              typeof v === "bigint" ? `${v}` : v,
            )
        );
      };
      await until(() => tokenIds.every(matches));
      expect(tokenIds.every(matches)).toBe(true);
    } finally {
      await feed.close();
    }
  });
});

describe("paper execution on the live feed", () => {
  it("when a resting paper GTC is crossed by a later book from the feed then it fills at or under its limit", async () => {
    // The last market was resolved above; any other with a 0.01 tick will do.
    const resolved = exchange.markets().at(-1)?.conditionId;
    const market = exchange.markets().find((m) => m.tickSize === "0.01" && m.conditionId !== resolved);
    const tokenId = market?.tokens[0]?.tokenId ?? "";
    exchange.setBook(tokenId, {
      bids: [{ price: "0.40", size: "100" }],
      asks: [{ price: "0.60", size: "100" }],
    });
    let onBook: (book: TokenBook) => void = () => {};
    const feed = createMarketFeed({
      wsUrl: `${exchange.wsUrl}${MARKET_CHANNEL_PATH}`,
      tokenIds: [tokenId],
      onBookChange: (book) => onBook(book),
    });
    try {
      await feed.waitForBook(tokenId, 3_000);
      const paper = createPaperExecution({
        book: (t) => feed.cache.get(t),
        params: (t) => data().getMarketParams(t),
        startingCash: usd("100"),
        now: Date.now,
      });
      onBook = (book) => void paper.onBook(book.tokenId, book);
      const prepared = await paper.prepareOrder({
        tokenId,
        side: "BUY",
        shares: shares("10"),
        limitPrice: price("0.5"),
        type: "GTC",
      });
      if (!prepared.ok) throw new Error(prepared.failure.code);
      const outcome = await paper.submitOrder(prepared.value);
      expect(outcome.ok && outcome.status).toBe("live");
      exchange.setBook(tokenId, {
        bids: [{ price: "0.40", size: "100" }],
        asks: [{ price: "0.48", size: "100" }],
      });
      let fills: Awaited<ReturnType<typeof paper.trades>> = { ok: true, value: [] };
      await until(() => {
        void paper.trades().then((result) => {
          fills = result;
        });
        return fills.ok && fills.value.length > 0;
      });
      const fill = fills.ok ? fills.value[0] : undefined;
      expect([fill?.shares, fill && formatPrice(fill.price)]).toEqual([shares("10"), "0.48"]);
      const { fee } = await data().getMarketParams(tokenId);
      expect((fill?.fee ?? 0n) > 0n).toBe(fee.rateBps > 0);
    } finally {
      await feed.close();
    }
  });
});
