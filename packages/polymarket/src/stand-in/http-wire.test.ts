import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StandInExchange, type StandInMarket, startStandInExchange } from "./index.ts";

// Direct HTTP checks of shapes and statuses a client library would not show us verbatim.

let exchange: StandInExchange;
let market: StandInMarket;
let yes: string;

const get = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${exchange.clobUrl}${path}`, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
};
const json = async (path: string, init?: RequestInit) => {
  const { status, text, headers } = await get(path, init);
  return { status, body: JSON.parse(text) as Record<string, unknown>, headers };
};

beforeAll(async () => {
  exchange = await startStandInExchange({ simulate: false });
  market = exchange.addMarket(
    { question: "Will it snow?", category: "Science", tickSize: "0.001", feeRateBps: 700 },
    { bids: [{ price: "0.481", size: "100" }], asks: [{ price: "0.52", size: "40" }] },
  );
  yes = market.tokens[0]?.tokenId ?? "";
});

afterAll(async () => {
  await exchange.close();
});

describe("public endpoint shapes", () => {
  it.each([
    ["/version", '{"version":2}'],
    [`/tick-size?token_id=${"T"}`, '{"minimum_tick_size":0.001}'],
    [`/neg-risk?token_id=${"T"}`, '{"neg_risk":false}'],
    [`/fee-rate?token_id=${"T"}`, '{"base_fee":700}'],
    [`/midpoint?token_id=${"T"}`, '{"mid":"0.5005"}'],
    [`/spread?token_id=${"T"}`, '{"spread":"0.039"}'],
    [`/price?token_id=${"T"}&side=BUY`, '{"price":"0.481"}'],
    [`/price?token_id=${"T"}&side=SELL`, '{"price":"0.52"}'],
    ["/fees/builder-fees/0xabc", '{"builder_maker_fee_rate_bps":0,"builder_taker_fee_rate_bps":0}'],
  ])("when GET %s then the body is exactly %s", async (path, expected) => {
    expect((await get(path.replace("T", yes))).text).toBe(expected);
  });

  it("when the book is read then levels are strings in wire order and numbers are never floats", async () => {
    const { body } = await json(`/book?token_id=${yes}`);
    expect(body).toMatchObject({
      market: market.conditionId,
      asset_id: yes,
      bids: [{ price: "0.481", size: "100" }],
      asks: [{ price: "0.52", size: "40" }],
      tick_size: "0.001",
      min_order_size: "5",
      neg_risk: false,
    });
    expect(body.hash).toMatch(/^[0-9a-f]{40}$/);
  });

  it("when the compact market info is read then mts and fd.r are JSON numbers the client can cache", async () => {
    const { text } = await get(`/clob-markets/${market.conditionId}`);
    expect(text).toContain('"mts":0.001');
    expect(text).toContain('"fd":{"r":0.07,"e":1,"to":true}');
    const { body } = await json(`/markets-by-token/${yes}`);
    expect(body).toEqual({ condition_id: market.conditionId });
  });

  it("when simplified markets are listed then each row has only the listing fields", async () => {
    const { body } = await json("/simplified-markets");
    const [row] = body.data as Record<string, unknown>[];
    expect(Object.keys(row ?? {}).sort()).toEqual(
      ["accepting_orders", "active", "archived", "closed", "condition_id", "rewards", "tokens"].sort(),
    );
  });

  it("when markets are paged then the last page ends with LTE=", async () => {
    const { body } = await json("/markets?next_cursor=MA==");
    expect([body.next_cursor, (body.data as unknown[]).length]).toEqual(["LTE=", 1]);
  });
});

describe("batch price endpoints", () => {
  it.each([
    ["/books", (body: unknown) => (body as { asset_id: string }[]).map((book) => book.asset_id), () => [yes]],
    ["/prices", (body: unknown) => body, () => ({ [yes]: { BUY: "0.481", SELL: "0.52" } })],
    ["/midpoints", (body: unknown) => body, () => ({ [yes]: "0.5005" })],
    ["/spreads", (body: unknown) => body, () => ({ [yes]: "0.039" })],
  ])("when POST %s asks for one token then the answer is keyed by it", async (path, pick, expected) => {
    const { status, body } = await json(path, {
      method: "POST",
      body: JSON.stringify([{ token_id: yes, side: "BUY" }]),
    });
    expect([status, pick(body)]).toEqual([200, expected()]);
  });

  it.each([
    ["/books", "not json", 400],
    ["/prices", JSON.stringify({ token_id: "x" }), 400],
    ["/midpoints", JSON.stringify([{ token_id: "nope" }]), 404],
  ])("when POST %s gets %s then it answers %s", async (path, body, status) => {
    expect((await json(path, { method: "POST", body })).status).toBe(status);
  });

  it("when no trade happened yet then last-trade-price is a 404, not a made-up price", async () => {
    const { status } = await json(`/last-trade-price?token_id=${yes}`);
    expect(status).toBe(404);
  });

  it("when price history is asked for a window then only points inside it come back, as numbers", async () => {
    const now = Math.floor(Date.now() / 1000);
    const inside = await get(`/prices-history?market=${yes}&startTs=${now - 3600}&endTs=${now + 3600}`);
    const outside = await get(`/prices-history?market=${yes}&startTs=1&endTs=2`);
    expect(inside.text).toMatch(/^\{"history":\[\{"t":\d+,"p":0\.5005\}\]\}$/);
    expect(outside.text).toBe('{"history":[]}');
  });
});

describe("error shapes", () => {
  it.each([
    ["/book", 400, "Invalid token id"],
    ["/book?token_id=123", 404, "No orderbook exists for the requested token id"],
    ["/tick-size?token_id=123", 404, "market not found"],
    ["/price?token_id=T&side=UP", 400, "Invalid side"],
    ["/data/orders", 401, "Unauthorized/Invalid api key"],
    ["/auth/derive-api-key", 401, "Invalid L1 Request headers"],
    ["/no-such-endpoint", 404, "not found: GET /no-such-endpoint"],
  ])("when GET %s then the status is %s with {error}", async (path, status, error) => {
    const result = await json(path.replace("T", yes));
    expect([result.status, result.body]).toEqual([status, { error }]);
  });

  it("when a V1-shaped order arrives then it is answered 401 before its version is looked at (no API key)", async () => {
    const result = await json("/order", {
      method: "POST",
      body: JSON.stringify({ order: { taker: "0x0" } }),
    });
    expect(result.status).toBe(401);
  });
});

describe("injected faults", () => {
  it("when 429 is injected then the body and Retry-After header carry the wait", async () => {
    exchange.injectFault({ kind: "status", status: 429, retryAfterSeconds: 4, times: 1 });
    const limited = await json("/version");
    expect([limited.status, limited.body, limited.headers.get("retry-after")]).toEqual([
      429,
      { error: "Too Many Requests", code: "TOO_MANY_REQUESTS", retry_after_seconds: 4 },
      "4",
    ]);
    expect((await json("/version")).status).toBe(200);
  });

  it.each([500, 502, 503])(
    "when %s is injected then the request fails with that status and {error}",
    async (status) => {
      exchange.injectFault({ kind: "status", status, match: { path: "/time" }, times: 1 });
      const failed = await json("/time");
      expect([failed.status, typeof failed.body.error]).toEqual([status, "string"]);
    },
  );

  it("when a request hangs then the caller's timeout fires and later requests are served", async () => {
    exchange.injectFault({ kind: "hang", match: { path: "/ok" }, times: 1 });
    await expect(get("/ok", { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect((await get("/ok")).status).toBe(200);
  });

  it("when a delay is injected then the answer still arrives intact", async () => {
    exchange.injectFault({ kind: "delay", ms: 50, match: { path: "/version" }, times: 1 });
    expect((await get("/version")).text).toBe('{"version":2}');
  });

  it("when a fault is cleared then requests are served again", async () => {
    exchange.injectFault({ kind: "status", status: 503 });
    exchange.clearFaults();
    expect((await get("/version")).status).toBe(200);
  });
});

describe("Gamma", () => {
  it("when markets are listed then outcomes, prices and token ids are JSON text inside strings", async () => {
    const response = await fetch(`${exchange.gammaUrl}/markets?limit=10`);
    const [row] = (await response.json()) as Record<string, unknown>[];
    expect(JSON.parse(String(row?.clobTokenIds))).toEqual(market.tokens.map((token) => token.tokenId));
    expect(JSON.parse(String(row?.outcomes))).toEqual(["Yes", "No"]);
    expect(JSON.parse(String(row?.outcomePrices))).toEqual(["0.5005", "0.4995"]);
    expect(row).toMatchObject({
      conditionId: market.conditionId,
      bestBid: 0.481,
      bestAsk: 0.52,
      orderPriceMinTickSize: 0.001,
    });
  });

  it.each([
    [() => `/markets/${"500000"}`, "conditionId", () => market.conditionId],
    [() => `/markets/slug/${"will-it-snow-0"}`, "slug", () => "will-it-snow-0"],
    [() => `/events/${"90000"}`, "title", () => "Will it snow?"],
  ])(
    "when one Gamma record is fetched by id or slug then it is that record (%#)",
    async (path, field, expected) => {
      const response = await fetch(`${exchange.gammaUrl}${path()}`);
      expect(((await response.json()) as Record<string, unknown>)[field]).toBe(expected());
    },
  );

  it.each(["/markets/999", "/events/999", "/markets/slug/nope"])(
    "when Gamma %s does not exist then it is a 404",
    async (path) => {
      expect((await fetch(`${exchange.gammaUrl}${path}`)).status).toBe(404);
    },
  );

  it.each([
    ["closed=true", 0],
    ["closed=false", 1],
    ["tag_slug=science", 1],
    ["tag_slug=sports", 0],
  ])("when events are filtered by %s then %s come back", async (query, count) => {
    const response = await fetch(`${exchange.gammaUrl}/events?${query}`);
    expect(((await response.json()) as unknown[]).length).toBe(count);
  });
});
