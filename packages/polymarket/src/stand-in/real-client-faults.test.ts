import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type StandInExchange, startStandInExchange } from "./index.ts";
import { polyHmac } from "./l2-auth.ts";
import { BOOK, clientFor as clientOn, KEYS, OrderType, Side } from "./real-client-fixture.ts";

// Faults and edge timing, still through the real client: late trades, rate limits, an ambiguous 503,
// GTD expiry on the exchange's clock, a V1-signed body, and trade events on the market channel.

let exchange: StandInExchange;
let yes: string;
let clockOffsetMs = 0;

const clientFor = (key: `0x${string}`, options?: { retryOnError?: boolean }) =>
  clientOn(exchange, key, options);

beforeAll(async () => {
  exchange = await startStandInExchange({ simulate: false, now: () => Date.now() + clockOffsetMs });
});

afterAll(async () => {
  await exchange.close();
});

beforeEach(() => {
  exchange.clearFaults();
  clockOffsetMs = 0;
  yes = exchange.addMarket({ question: "Will it hail?", category: "Science" }, BOOK).tokens[0]?.tokenId ?? "";
});

describe("faults seen by the real client", () => {
  it("when trades become visible late then the client polls /data/trades and still gets the hashes", async () => {
    const { client } = await clientFor(KEYS[0]);
    exchange.injectFault({ kind: "late-trades", delayMs: 600 });
    const polls = () => exchange.inspect.requests().filter((entry) => entry.path === "/data/trades").length;
    const before = polls();
    const placed = await client.createAndPostOrder({ tokenID: yes, price: 0.52, size: 5, side: Side.BUY });
    expect(placed.transactionsHashes).toHaveLength(1);
    expect(polls() - before).toBeGreaterThan(1);
  });

  it("when orders are rate limited then the client sees 429 with retry_after_seconds", async () => {
    const { client } = await clientFor(KEYS[0]);
    exchange.injectFault({
      kind: "status",
      status: 429,
      retryAfterSeconds: 3,
      match: { method: "POST", path: "/order" },
      times: 1,
    });
    const order = await client.createOrder({ tokenID: yes, price: 0.2, size: 10, side: Side.BUY });
    expect(await client.postOrder(order, OrderType.GTC)).toMatchObject({
      status: 429,
      retry_after_seconds: 3,
    });
    expect(await client.postOrder(order, OrderType.GTC)).toMatchObject({ success: true });
  });

  it("when a 503 hides a processed order and the client retries then the retry is a duplicate", async () => {
    const { client } = await clientFor(KEYS[0], { retryOnError: true });
    exchange.injectFault({
      kind: "status",
      status: 503,
      afterHandling: true,
      match: { path: "/order" },
      times: 1,
    });
    const order = await client.createOrder({ tokenID: yes, price: 0.3, size: 10, side: Side.BUY });
    const result = await client.postOrder(order, OrderType.GTC);
    expect(result).toMatchObject({ status: 400, error: expect.stringMatching(/is invalid\. Duplicated\.$/) });
    expect(exchange.inspect.orders().filter((o) => o.asset_id === yes && o.status === "LIVE")).toHaveLength(
      1,
    );
  });

  it("when a GTD order's expiration (minus the one-minute margin) passes then it leaves the book", async () => {
    const { client } = await clientFor(KEYS[0]);
    const expiration = Math.floor(Date.now() / 1000) + 120;
    const placed = await client.createAndPostOrder(
      { tokenID: yes, price: 0.3, size: 10, side: Side.BUY, expiration },
      undefined,
      OrderType.GTD,
    );
    expect(placed.status).toBe("live");
    clockOffsetMs = 61_000;
    expect((await client.getOrder(placed.orderID)).status).toBe("CANCELED");
    expect(exchange.inspect.book(yes).bids.map((level) => level.price)).not.toContain("0.3");
  });

  it("when a GTD expiration is inside the one-minute margin then the order is refused", async () => {
    const { client } = await clientFor(KEYS[0]);
    const expiration = Math.floor(Date.now() / 1000) + 30;
    const placed = await client.createAndPostOrder(
      { tokenID: yes, price: 0.3, size: 10, side: Side.BUY, expiration },
      undefined,
      OrderType.GTD,
    );
    expect(placed).toMatchObject({ status: 400, error: "invalid expiration" });
  });

  it("when a V1-signed body arrives with valid L2 headers then it is answered order_version_mismatch", async () => {
    const { creds, address } = await clientFor(KEYS[0]);
    const body = JSON.stringify({
      order: { salt: 1, taker: "0x0", nonce: "0", feeRateBps: "0" },
      owner: creds.key,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${exchange.clobUrl}/order`, {
      method: "POST",
      body,
      headers: {
        POLY_ADDRESS: address,
        POLY_API_KEY: creds.key,
        POLY_PASSPHRASE: creds.passphrase,
        POLY_TIMESTAMP: timestamp,
        POLY_SIGNATURE: polyHmac(creds.secret, timestamp, "POST", "/order", body),
      },
    });
    expect([response.status, await response.json()]).toEqual([400, { error: "order_version_mismatch" }]);
  });

  it("when an order trades then market-channel subscribers get last_trade_price and the level change", async () => {
    const socket = new WebSocket(`${exchange.wsUrl}/ws/market`);
    const frames: Record<string, unknown>[] = [];
    socket.on("message", (data) => frames.push(JSON.parse(data.toString()) as Record<string, unknown>));
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(JSON.stringify({ type: "market", assets_ids: [yes] }));
    await expect.poll(() => frames.length).toBe(1);
    const { client } = await clientFor(KEYS[1]);
    await client.createAndPostOrder({ tokenID: yes, price: 0.52, size: 15, side: Side.BUY });
    await expect.poll(() => frames.length).toBe(3);
    expect(frames.slice(1)).toEqual([
      expect.objectContaining({
        event_type: "price_change",
        price_changes: [expect.objectContaining({ asset_id: yes, price: "0.52", size: "25", side: "SELL" })],
      }),
      expect.objectContaining({
        event_type: "last_trade_price",
        asset_id: yes,
        price: "0.52",
        side: "BUY",
        size: "15",
      }),
    ]);
    socket.close();
  });
});
