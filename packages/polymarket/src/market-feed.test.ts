import type { AddressInfo } from "node:net";
import { type BookLevel, type Price, price, type Shares, shares } from "@open-trade/risk-engine";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { createMarketFeed, type MarketFeed } from "./market-feed.ts";

/** A source of truth for one token's book that can emit wire events about itself. */
class SourceBook {
  readonly bids = new Map<bigint, bigint>();
  readonly asks = new Map<bigint, bigint>();
  levels(side: Map<bigint, bigint>, ascending: boolean): BookLevel[] {
    return [...side]
      .sort(([a], [b]) => (a < b === ascending ? -1 : 1))
      .map(([p, size]) => ({ price: p as Price, size: size as Shares }));
  }
  bookEvent(token: string, timestamp: number) {
    const text = (levels: BookLevel[]) => levels.map((l) => ({ price: fmt(l.price), size: fmt(l.size) }));
    return {
      event_type: "book",
      asset_id: token,
      market: "0xm",
      timestamp: String(timestamp),
      hash: `h${timestamp}`,
      bids: text(this.levels(this.bids, true)),
      asks: text(this.levels(this.asks, false)),
      tick_size: "0.01",
      min_order_size: "5",
    };
  }
}
const fmt = (micros: bigint) => (Number(micros) / 1e6).toString();

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

type Connection = import("ws").WebSocket;

/** A market-channel server; like Polymarket it answers each subscription with the books it covers. */
async function startSource(onSubscribe: (ws: Connection) => void = () => {}) {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const subscriptions: unknown[] = [];
  server.on("connection", (ws) => {
    ws.on("message", (data) => {
      const text = data.toString();
      if (text === "PING") ws.send("PONG");
      else {
        subscriptions.push(JSON.parse(text));
        onSubscribe(ws);
      }
    });
  });
  cleanup.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws/market`;
  const broadcast = (payload: unknown) => {
    for (const client of server.clients) client.send(JSON.stringify(payload));
  };
  return { server, url, subscriptions, broadcast };
}

async function until(condition: () => boolean, timeoutMs = 5_000, label = "") {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`condition ${label} not reached in time`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function feedFor(url: string): MarketFeed {
  const feed = createMarketFeed({
    wsUrl: url,
    tokenIds: ["1"],
    backoff: { initialMs: 5, maxMs: 50 },
    random: () => 0.5,
  });
  cleanup.push(() => feed.close());
  return feed;
}

describe("market feed", () => {
  it("when the source sends a long random sequence and drops the socket twice then the cache equals the source book", async () => {
    const book = new SourceBook();
    let timestamp = 1;
    let connections = 0;
    const source = await startSource((ws) => {
      connections++;
      ws.send(JSON.stringify([book.bookEvent("1", timestamp++)]));
    });
    const feed = feedFor(source.url);
    await feed.waitForBook("1", 2_000);

    const changes = fc.sample(
      fc.record({
        side: fc.constantFrom("BUY", "SELL"),
        cents: fc.integer({ min: 1, max: 99 }),
        size: fc.integer({ min: 0, max: 500 }),
      }),
      { numRuns: 1_500, seed: 42 },
    );
    for (const [index, change] of changes.entries()) {
      const p = BigInt(change.cents) * 10_000n;
      const size = BigInt(change.size) * 1_000_000n;
      const side = change.side === "BUY" ? book.bids : book.asks;
      if (size === 0n) side.delete(p);
      else side.set(p, size);
      source.broadcast({
        event_type: "price_change",
        market: "0xm",
        timestamp: String(timestamp++),
        price_changes: [
          {
            asset_id: "1",
            price: fmt(p),
            size: String(change.size),
            side: change.side,
            hash: "x",
            best_bid: "",
            best_ask: "",
          },
        ],
      });
      if (index === 500 || index === 1_000) {
        const before = connections;
        for (const client of source.server.clients) client.terminate();
        await until(() => connections === before + 1 && feed.cache.has("1"), 5_000, "reconnect");
      }
    }
    const expected = { bids: book.levels(book.bids, true), asks: book.levels(book.asks, false) };
    await until(() => {
      const cached = feed.cache.get("1");
      return (
        JSON.stringify(cached && { bids: cached.bids, asks: cached.asks }, (_k, v) =>
          typeof v === "bigint" ? `${v}` : v,
        ) === JSON.stringify(expected, (_k, v) => (typeof v === "bigint" ? `${v}` : v))
      );
    });
    const marketSubscriptions = () =>
      source.subscriptions.filter((s) => (s as { type?: string }).type === "market");
    await until(() => marketSubscriptions().length >= 3, 5_000, "subs");
    expect(marketSubscriptions()).toHaveLength(3);
  });

  it("when the socket drops then the book is withheld until a fresh snapshot arrives", async () => {
    const book = new SourceBook();
    book.asks.set(price("0.6"), shares("10"));
    let connections = 0;
    const source = await startSource((ws) => {
      connections++;
      if (connections === 1) ws.send(JSON.stringify([book.bookEvent("1", 1)]));
    });
    const feed = feedFor(source.url);
    await feed.waitForBook("1", 2_000);
    for (const client of source.server.clients) client.terminate();
    await until(() => connections === 2);
    expect(feed.cache.get("1")).toBeUndefined();
    source.broadcast(book.bookEvent("1", 2));
    expect((await feed.waitForBook("1", 2_000)).asks).toEqual([{ price: price("0.6"), size: shares("10") }]);
  });

  it("when a price_change is malformed then that token's book is dropped rather than left wrong", async () => {
    const book = new SourceBook();
    const source = await startSource((ws) => ws.send(JSON.stringify(book.bookEvent("1", 1))));
    const errors: Error[] = [];
    const feed = createMarketFeed({ wsUrl: source.url, tokenIds: ["1"], onMalformed: (e) => errors.push(e) });
    cleanup.push(() => feed.close());
    await feed.waitForBook("1", 2_000);
    source.broadcast({
      event_type: "price_change",
      market: "0xm",
      timestamp: "2",
      price_changes: [{ asset_id: "1", price: "1.5", size: "1", side: "BUY" }],
    });
    await until(() => errors.length === 1);
    expect(feed.cache.get("1")).toBeUndefined();
  });

  it("when a token is added then it is subscribed at once and kept in the subscription after a reconnect", async () => {
    const book = new SourceBook();
    const source = await startSource((ws) => ws.send(JSON.stringify(book.bookEvent("1", 1))));
    const feed = feedFor(source.url);
    await feed.waitForBook("1", 2_000);
    feed.subscribe(["2", "1"]);
    await until(() => source.subscriptions.length === 2);
    for (const client of source.server.clients) client.terminate();
    await until(() => source.subscriptions.length === 3);
    expect(source.subscriptions.slice(1)).toEqual([
      { operation: "subscribe", assets_ids: ["2"], initial_dump: true },
      { type: "market", markets: [], assets_ids: ["1", "2"], initial_dump: true },
    ]);
  });
});
