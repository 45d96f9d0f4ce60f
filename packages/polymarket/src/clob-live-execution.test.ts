// Over 300 lines because one stand-in exchange serves every live-execution scenario below.
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { price, shares, usd } from "@open-trade/risk-engine";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type ApiCredentials,
  createLiveExecution,
  type LiveExecutionOptions,
} from "./clob-live-execution.ts";
import type { Execution, OrderOutcome, OrderRequest, PreparedOrder } from "./execution.ts";
import { createHttpMarketData } from "./http-market-data.ts";
import type { MarketData } from "./market-data.ts";
import { type StandInExchange, type StandInMarket, startStandInExchange } from "./stand-in/index.ts";

// Live execution against the stand-in exchange: the official client signs, authenticates and posts, and the
// stand-in verifies L1/L2 headers and EIP-712 V2 signatures the way Polymarket does.

const KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d" as const;
const ADDRESS = privateKeyToAccount(KEY).address;
const BOOK = {
  bids: [
    { price: "0.48", size: "100" },
    { price: "0.49", size: "50" },
  ],
  asks: [
    { price: "0.53", size: "100" },
    { price: "0.52", size: "40" },
  ],
};

let exchange: StandInExchange;
let data: MarketData;
let market: StandInMarket;
let negRisk: StandInMarket;
let saved: ApiCredentials[];
let slept: number[];

const tokenOf = (m: StandInMarket) => m.tokens[0]?.tokenId ?? "";

function live(patch: Partial<LiveExecutionOptions> = {}): Execution {
  return createLiveExecution({
    clobUrl: exchange.clobUrl,
    loadSecrets: async () => ({ privateKey: KEY, ...(saved[0] ? { apiCredentials: saved[0] } : {}) }),
    saveApiCredentials: async (creds) => {
      saved.push(creds);
    },
    marketParams: (tokenId) => data.getMarketParams(tokenId),
    book: (tokenId) => data.getOrderBook(tokenId),
    timeoutMs: 10_000,
    sleep: async (ms) => {
      slept.push(ms);
    },
    ...patch,
  });
}

/** A 10-share FOK BUY at 0.52 on the plain market unless patched; a failure to prepare fails the test. */
async function prepare(execution: Execution, patch: Partial<OrderRequest> = {}): Promise<PreparedOrder> {
  const prepared = await execution.prepareOrder({
    tokenId: tokenOf(market),
    side: "BUY",
    shares: shares("10"),
    limitPrice: price("0.52"),
    type: "FOK",
    ...patch,
  });
  if (!prepared.ok) throw new Error(`prepare failed: ${prepared.failure.code}`);
  return prepared.value;
}

async function place(execution: Execution, patch: Partial<OrderRequest>): Promise<OrderOutcome> {
  return execution.submitOrder(await prepare(execution, patch));
}

const summary = (outcome: OrderOutcome) =>
  outcome.ok
    ? { ok: true, status: outcome.status, filled: outcome.filled }
    : { ok: false, code: outcome.failure.code };

beforeAll(async () => {
  exchange = await startStandInExchange({ seed: 3 });
  data = createHttpMarketData({ gammaUrl: exchange.gammaUrl, clobUrl: exchange.clobUrl });
  const all = exchange.markets();
  market = all.find((m) => !m.negRisk && m.tickSize === "0.01") as StandInMarket;
  negRisk = all.find((m) => m.negRisk) as StandInMarket;
});
afterAll(() => exchange.close());
beforeEach(() => {
  saved = [];
  slept = [];
  exchange.clearFaults();
  exchange.setBalance(ADDRESS, "1000");
  for (const m of [market, negRisk]) {
    // The stand-in derives each outcome's book from its complement, so only the first outcome is set.
    exchange.setBook(tokenOf(m), BOOK);
    for (const token of m.tokens) exchange.setPosition(ADDRESS, token.tokenId, "0");
  }
});

describe("live execution against the stand-in", () => {
  it("when no credentials are stored then they are created once, saved, and derived again identically", async () => {
    await live().balance();
    const first = saved[0];
    saved = [];
    await live().balance();
    expect(saved[0]?.key).toBe(first?.key);
  });

  it.each([
    [
      "a FOK BUY inside the top level",
      { shares: shares("40") },
      { ok: true, status: "matched", filled: shares("40") },
    ],
    [
      "a FOK BUY beyond all depth",
      { shares: shares("500"), limitPrice: price("0.6") },
      { ok: false, code: "LIQUIDITY_KILL" },
    ],
    ["a FOK BUY with depth only past its limit", { shares: shares("60") }, { ok: false, code: "SLIPPAGE" }],
    [
      "a FAK BUY larger than the top level",
      { type: "FAK" as const, shares: shares("60") },
      { ok: true, status: "matched", filled: shares("40") },
    ],
    [
      "a FAK BUY under the best ask",
      { type: "FAK" as const, limitPrice: price("0.5") },
      { ok: false, code: "SLIPPAGE" },
    ],
    [
      "a GTC BUY under the best ask",
      { type: "GTC" as const, limitPrice: price("0.5") },
      { ok: true, status: "live", filled: 0n },
    ],
    [
      "a GTD BUY under the best ask",
      { type: "GTD" as const, limitPrice: price("0.5"), expiresAt: new Date(Date.now() + 3_600_000) },
      { ok: true, status: "live", filled: 0n },
    ],
    [
      "a FOK SELL of shares not held",
      { side: "SELL" as const, limitPrice: price("0.49") },
      { ok: false, code: "INSUFFICIENT_BALANCE" },
    ],
  ])("when %s then the outcome is as the exchange decided", async (_name, patch, expected) => {
    expect(summary(await place(live(), patch))).toEqual(expected);
  });

  it("when a neg-risk market is traded then the order is signed for the neg-risk exchange and fills", async () => {
    const prepared = await prepare(live(), { tokenId: tokenOf(negRisk) });
    expect(prepared.negRisk).toBe(true);
    expect(summary(await live().submitOrder(prepared))).toEqual({
      ok: true,
      status: "matched",
      filled: shares("10"),
    });
  });

  it("when a FOK fills then the trade is listed under the order id computed before posting", async () => {
    const execution = live();
    const prepared = await prepare(execution);
    const outcome = await execution.submitOrder(prepared);
    expect(outcome.ok && outcome.usd).toBe(usd("5.2"));
    const trades = await execution.trades({ orderId: prepared.orderId });
    expect(trades.ok && trades.value.map((t) => [t.shares, t.price])).toEqual([
      [shares("10"), price("0.52")],
    ]);
  });

  it.each([
    ["crosses the best ask", "0.52", { ok: false, code: "INVALID_ORDER" }],
    ["sits behind the best ask", "0.5", { ok: true, status: "live", filled: 0n }],
  ])(
    "when a post-only GTC BUY %s then the exchange is told it is post-only",
    async (_name, limit, expected) => {
      const request = { type: "GTC" as const, postOnly: true, limitPrice: price(limit) };
      const outcome = await place(live(), request);
      if (outcome.ok) await live().cancelOrder(outcome.orderId);
      expect(summary(outcome)).toEqual(expected);
    },
  );

  it("when a GTC rests then it is listed, cancelled, and gone", async () => {
    const execution = live();
    const prepared = await prepare(execution, { limitPrice: price("0.45"), type: "GTC" });
    await execution.submitOrder(prepared);
    const mine = async () => {
      const open = await execution.openOrders({ tokenId: tokenOf(market) });
      if (!open.ok) throw new Error(open.failure.code);
      return open.value
        .filter((o) => o.orderId === prepared.orderId)
        .map((o) => [o.price, o.originalShares, o.type]);
    };
    expect(await mine()).toEqual([[price("0.45"), shares("10"), "GTC"]]);
    const cancel = await execution.cancelOrder(prepared.orderId);
    expect(cancel.ok && cancel.value.canceled).toEqual([prepared.orderId]);
    expect(await mine()).toEqual([]);
  });

  it("when the same prepared order is submitted twice then the second is a DUPLICATE and nothing fills twice", async () => {
    const execution = live();
    const prepared = await execution.prepareOrder(
      { tokenId: tokenOf(market), side: "BUY", shares: shares("10"), limitPrice: price("0.52"), type: "FOK" },
      { salt: 42n, timestampMs: 1_790_000_000_000 },
    );
    if (!prepared.ok) throw new Error(prepared.failure.code);
    expect(summary(await execution.submitOrder(prepared.value)).ok).toBe(true);
    expect(summary(await execution.submitOrder(prepared.value))).toEqual({ ok: false, code: "DUPLICATE" });
    const again = await execution.prepareOrder(
      { tokenId: tokenOf(market), side: "BUY", shares: shares("10"), limitPrice: price("0.52"), type: "FOK" },
      { salt: 42n, timestampMs: 1_790_000_000_000 },
    );
    expect(again.ok && again.value.orderId).toBe(prepared.value.orderId);
  });

  it("when the exchange answers 429 once then the order waits the retry-after and goes through", async () => {
    exchange.injectFault({
      kind: "status",
      status: 429,
      retryAfterSeconds: 1,
      match: { method: "POST", path: "/order" },
      times: 1,
    });
    expect(summary(await place(live(), {})).ok).toBe(true);
    expect(slept).toEqual([1_000]);
  });

  it("when rate limited and retries are off then RATE_LIMITED carries the wait", async () => {
    exchange.injectFault({
      kind: "status",
      status: 429,
      retryAfterSeconds: 2,
      match: { method: "POST", path: "/order" },
      times: 1,
    });
    const outcome = await place(live({ rateLimit: { maxRetries: 0, maxWaitMs: 0 } }), {});
    expect(outcome.ok || [outcome.failure.code, outcome.failure.retryAfterMs]).toEqual([
      "RATE_LIMITED",
      2_000,
    ]);
  });

  it.each([
    [
      "a 500 after the order was handled",
      { kind: "status", status: 500, afterHandling: true } as const,
      "AMBIGUOUS",
      "DUPLICATE",
    ],
    ["a hung response", { kind: "hang" } as const, "AMBIGUOUS", "ok"],
    ["a 503 before the order was handled", { kind: "status", status: 503 } as const, "AMBIGUOUS", "ok"],
    [
      "a 503 after the order was handled",
      { kind: "status", status: 503, afterHandling: true } as const,
      "AMBIGUOUS",
      "DUPLICATE",
    ],
  ])(
    "when posting meets %s then the first outcome and a resubmission of the same order are classified",
    async (_name, fault, first, second) => {
      exchange.injectFault({ ...fault, match: { method: "POST", path: "/order" }, times: 1 });
      // Only the hung response should time out; a loaded machine must not turn a 500 or 503 into a timeout.
      const execution = live({ timeoutMs: fault.kind === "hang" ? 500 : 10_000 });
      const prepared = await prepare(execution);
      const outcome = await execution.submitOrder(prepared);
      expect(outcome.ok || outcome.failure.code).toBe(first);
      const retry = await execution.submitOrder(prepared);
      expect(retry.ok ? "ok" : retry.failure.code).toBe(second);
    },
  );

  it("when trades become visible only later then placing still returns without polling for them", async () => {
    // A client that polled /data/trades after a match would block on this hang until the test timed out.
    exchange.injectFault({ kind: "hang", match: { method: "GET", path: "/data/trades" } });
    exchange.injectFault({ kind: "late-trades", delayMs: 60_000 });
    expect(summary(await place(live(), {}))).toEqual({ ok: true, status: "matched", filled: shares("10") });
  });

  it.each([
    [
      "a wrong API secret",
      { key: "wrong", secret: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", passphrase: "x" },
      "AUTH",
    ],
  ])("when the credentials are %s then placing fails with the expected code", async (_name, creds, code) => {
    saved = [creds];
    expect(summary(await place(live(), {}))).toEqual({ ok: false, code });
  });

  it("when the wallet has too little collateral then INSUFFICIENT_BALANCE", async () => {
    exchange.setBalance(ADDRESS, "1");
    expect(summary(await place(live(), {}))).toEqual({ ok: false, code: "INSUFFICIENT_BALANCE" });
  });

  it("when the balance is read then it is the exact collateral", async () => {
    exchange.setBalance(ADDRESS, "123.456789");
    const balance = await live().balance();
    expect(balance.ok && balance.value.collateral).toBe(usd("123.456789"));
  });

  it.each([
    ["the key loader fails", async () => Promise.reject(new Error("vault locked: key=0xsecret"))],
    ["the key is not a private key", async () => ({ privateKey: "0x1234" as const })],
  ])(
    "when %s then preparing and placing fail as AUTH without echoing the loader",
    async (_name, loadSecrets) => {
      const execution = live({ loadSecrets });
      const prepared = await execution.prepareOrder({
        tokenId: tokenOf(market),
        side: "BUY",
        shares: shares("10"),
        limitPrice: price("0.5"),
        type: "GTC",
      });
      expect(prepared.ok || [prepared.failure.code, prepared.failure.message.includes("0xsecret")]).toEqual([
        "AUTH",
        false,
      ]);
      const balance = await execution.balance();
      expect(balance.ok || balance.failure.code).toBe("AUTH");
    },
  );

  it("when the exchange cannot be reached to create credentials then EXCHANGE_UNAVAILABLE", async () => {
    const balance = await live({ clobUrl: "http://127.0.0.1:9" }).balance();
    expect(balance.ok || balance.failure.code).toBe("EXCHANGE_UNAVAILABLE");
  });

  it.each([
    ["a damaged signature", { signature: "not-hex" }, "live"],
    ["a missing token id", { tokenId: undefined }, "live"],
    ["a paper order", {}, "paper"],
  ] as const)(
    "when a prepared order has %s then it is refused before anything is sent",
    async (_name, patch, mode) => {
      const execution = live();
      const prepared = await prepare(execution);
      const damaged = { ...prepared, mode, payload: { ...prepared.payload, ...patch } };
      const outcome = await execution.submitOrder(damaged);
      expect(outcome.ok || outcome.failure.code).toBe("INVALID_ORDER");
      expect(exchange.inspect.orders().some((o) => o.id === prepared.orderId)).toBe(false);
    },
  );

  it("when the book holds the size at the limit after a FOK kill then the kill is not called SLIPPAGE", async () => {
    // The exchange's book holds 40 at 0.52; the executor's view of the book holds 100 there.
    exchange.setBook(tokenOf(market), { bids: BOOK.bids, asks: [{ price: "0.52", size: "100" }] });
    const deep = await createHttpMarketData({
      gammaUrl: exchange.gammaUrl,
      clobUrl: exchange.clobUrl,
    }).getOrderBook(tokenOf(market));
    exchange.setBook(tokenOf(market), BOOK);
    const outcome = await place(live({ book: async () => deep }), { shares: shares("60") });
    expect(summary(outcome)).toEqual({ ok: false, code: "LIQUIDITY_KILL" });
  });

  describe("behind a gateway at a path prefix", () => {
    let gateway: ReturnType<typeof createServer>;
    let gatewayUrl: string;
    const seen: string[] = [];
    const agents: string[] = [];
    beforeAll(async () => {
      // Forwards /gw/... to the exchange's root and records what it was asked.
      gateway = createServer(async (request, response) => {
        const url = request.url ?? "";
        seen.push(`${request.method} ${url}`);
        if (request.method === "POST") agents.push(request.headers["user-agent"] ?? "");
        if (!url.startsWith("/gw/")) return void response.writeHead(404).end('{"error":"not here"}');
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        const headers = Object.fromEntries(
          Object.entries(request.headers).filter(([name]) => !["host", "content-length"].includes(name)),
        ) as Record<string, string>;
        const answer = await fetch(`${exchange.clobUrl}${url.slice(3)}`, {
          method: request.method,
          headers,
          ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
        });
        response.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
      });
      gateway.listen(0, "127.0.0.1");
      await once(gateway, "listening");
      gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/gw`;
    });
    afterAll(() => gateway.close());
    beforeEach(() => {
      seen.length = 0;
    });

    it("when an order is posted then it reaches the gateway's path, as the official client, and fills", async () => {
      const outcome = await place(live({ clobUrl: gatewayUrl }), {});
      expect(summary(outcome)).toEqual({ ok: true, status: "matched", filled: shares("10") });
      expect(seen).toContain("POST /gw/order");
      expect(agents.at(-1)).toBe("@polymarket/clob-client");
    });

    it("when one order's trades are reconciled then only its token since its creation is fetched", async () => {
      const execution = live({ clobUrl: gatewayUrl });
      const prepared = await prepare(execution);
      await execution.submitOrder(prepared);
      const trades = await execution.trades({ orderId: prepared.orderId });
      expect(trades.ok && trades.value.map((t) => t.orderId)).toEqual([prepared.orderId]);
      const asked = seen.find((r) => r.startsWith("GET /gw/data/trades")) ?? "";
      const query = new URL(asked.slice("GET ".length), "http://x").searchParams;
      expect([query.get("asset_id"), query.get("market"), Number(query.get("after")) > 0]).toEqual([
        tokenOf(market),
        market.conditionId,
        true,
      ]);
    });
  });
});
