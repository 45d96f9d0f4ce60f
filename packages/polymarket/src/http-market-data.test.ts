import { price, shares, usd } from "@open-trade/risk-engine";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpMarketData } from "./http-market-data.ts";
import { PolymarketError } from "./polymarket-error.ts";
import { type FixtureRoute, startFixtureServer } from "./testing/fixture-server.ts";
import { CLOB_BOOK, CLOB_MARKET_INFO, GAMMA_MARKET_ROW } from "./testing/wire-samples.ts";

const NOW = new Date("2025-12-31T12:00:00Z");
const row = (patch: Record<string, unknown>) => ({ ...GAMMA_MARKET_ROW, ...patch });
const ROWS = [
  row({ id: "1", question: "Will it rain in Paris?", liquidity: "5000", tags: [{ label: "Weather" }] }),
  row({ id: "2", question: "Bitcoin above 100k?", liquidity: "100", category: "Crypto" }),
  row({
    id: "3",
    question: "Election winner?",
    endDate: "2027-01-01T00:00:00Z",
    events: [{ tags: [{ label: "Politics" }] }],
  }),
  row({ id: "4", question: "Closed one", active: false, closed: true }),
];

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

// Generous by default so a loaded CI machine never turns a slow answer into a failure; only the hang test is short.
async function serve(routes: Record<string, FixtureRoute>, timeoutMs = 10_000) {
  const server = await startFixtureServer(routes);
  close = server.close;
  return {
    data: createHttpMarketData({ gammaUrl: server.url, clobUrl: server.url, timeoutMs }),
    server,
  };
}

describe.each([
  ["active only", { active: true }, ["1", "2", "3"]],
  ["a category", { categories: ["crypto"] }, ["2"]],
  ["a tag found on the event", { tags: ["Politics"] }, ["3"]],
  ["a minimum liquidity", { minLiquidity: usd("1000") }, ["1", "3", "4"]],
  ["a resolution window of one day", { resolvesWithinMs: 86_400_000 }, ["1", "2", "4"]],
  ["a text", { text: "BITCOIN" }, ["2"]],
  ["a limit", { limit: 2 }, ["1", "2"]],
])("listing markets with %s", (_name, filter, ids) => {
  it("when Gamma answers then only matching markets come back", async () => {
    const { data } = await serve({ "GET /markets": () => ({ body: ROWS }) });
    const markets = await data.listMarkets({ now: NOW, ...filter });
    expect(markets.map((m) => m.id)).toEqual(ids);
  });
});

describe("CLOB reads", () => {
  it("when a book, quote and params are read then every value is exact", async () => {
    const { data, server } = await serve({
      "GET /book": () => ({ body: CLOB_BOOK }),
      "POST /books": () => ({ body: [CLOB_BOOK] }),
      "GET /midpoint": () => ({ body: { mid: "0.505" } }),
      "GET /spread": () => ({ body: { spread: "0.03" } }),
      "GET /last-trade-price": () => ({ body: { price: "0.50", side: "BUY" } }),
      [`GET /markets-by-token/${CLOB_BOOK.asset_id}`]: () => ({ body: { condition_id: CLOB_BOOK.market } }),
      [`GET /clob-markets/${CLOB_BOOK.market}`]: () => ({ body: CLOB_MARKET_INFO }),
      "GET /prices-history": () => ({ body: { history: [{ t: 1697875200, p: 0.52 }] } }),
    });
    const book = await data.getOrderBook(CLOB_BOOK.asset_id);
    expect(book.asks.at(-1)?.price).toBe(price("0.52"));
    expect((await data.getOrderBooks([CLOB_BOOK.asset_id]))[0]?.bids.at(-1)?.size).toBe(shares("50"));
    expect(await data.getQuote(CLOB_BOOK.asset_id)).toEqual({
      tokenId: CLOB_BOOK.asset_id,
      midpoint: price("0.505"),
      spread: price("0.03"),
      lastTrade: { price: price("0.5"), side: "BUY" },
    });
    expect((await data.getMarketParams(CLOB_BOOK.asset_id)).fee).toEqual({ rateBps: 700, exponent: 1 });
    expect(await data.getPriceHistory(CLOB_BOOK.asset_id, { interval: "1d" })).toEqual([
      { t: 1697875200, price: price("0.52") },
    ]);
    expect(server.seen).toContain(`GET /prices-history?market=${CLOB_BOOK.asset_id}&interval=1d`);
  });

  it.each([
    [[{ token_id: "1", outcome: "Yes", winner: true }], { state: "resolved", winningTokenId: "1" }],
    [[{ token_id: "1", outcome: "Yes", winner: false }], { state: "closed" }],
  ])("when the CLOB market has tokens %j then the resolution is %j", async (tokens, expected) => {
    const { data } = await serve({
      "GET /markets/0xabc": () => ({ body: { condition_id: "0xabc", closed: true, tokens } }),
    });
    expect(await data.getResolution("0xabc")).toEqual({ conditionId: "0xabc", ...expected });
  });
});

describe.each([
  [
    "a 404",
    { status: 404, body: { error: "No orderbook exists for the requested token id" } },
    "NOT_FOUND",
    undefined,
  ],
  [
    "a 429 with retry-after",
    { status: 429, body: { error: "Too Many Requests" }, headers: { "retry-after": "3" } },
    "RATE_LIMITED",
    3000,
  ],
  [
    "a 429 with retry_after_seconds",
    { status: 429, body: { error: "x", retry_after_seconds: 1.5 } },
    "RATE_LIMITED",
    1500,
  ],
  ["a 503", { status: 503, body: { error: "Trading is currently disabled." } }, "UNAVAILABLE", undefined],
  ["a 400", { status: 400, body: { error: "Invalid token id" } }, "BAD_REQUEST", undefined],
  ["a body that is not JSON", { status: 200, body: "<html>" }, "MALFORMED_RESPONSE", undefined],
])("a book request answered with %s", (_name, reply, code, retry) => {
  it(`when read then the error code is ${code}`, async () => {
    const { data } = await serve({ "GET /book": () => reply });
    const error = await data.getOrderBook("1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolymarketError);
    expect([(error as PolymarketError).code, (error as PolymarketError).details.retryAfterMs]).toEqual([
      code,
      retry,
    ]);
  });
});

it("when the server hangs then the request times out as UNAVAILABLE", async () => {
  const { data } = await serve({ "GET /book": () => new Promise(() => {}) }, 300);
  await expect(data.getOrderBook("1")).rejects.toMatchObject({ code: "UNAVAILABLE" });
});
