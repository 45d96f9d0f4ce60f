import { price } from "@open-trade/risk-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type StandInExchange, startStandInExchange } from "./index.ts";
import { createPrng } from "./prng.ts";

type Json = Record<string, unknown>;
type Levels = { price: string; size: string }[];

let exchange: StandInExchange;
let tokens: string[];

/** A socket with a message inbox, so tests can await the next frame. */
async function connect() {
  const socket = new WebSocket(`${exchange.wsUrl}/ws/market`);
  const inbox: string[] = [];
  const waiters: ((text: string) => void)[] = [];
  socket.on("message", (data) => {
    const text = data.toString();
    const waiter = waiters.shift();
    if (waiter) waiter(text);
    else inbox.push(text);
  });
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  const next = (): Promise<string> => {
    const queued = inbox.shift();
    return queued !== undefined ? Promise.resolve(queued) : new Promise((resolve) => waiters.push(resolve));
  };
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { socket, next, inbox, closed };
}

const subscribe = (socket: WebSocket, assets: string[]) =>
  socket.send(JSON.stringify({ type: "market", markets: [], assets_ids: assets, initial_dump: true }));

/** The client-side cache the feed is meant to keep: aggregate size per price, "0" removes. */
function applyChange(book: Map<string, Map<string, string>>, change: Json): void {
  const key = `${String(change.asset_id)}:${String(change.side)}`;
  const levels = book.get(key) ?? new Map<string, string>();
  if (change.size === "0") levels.delete(String(change.price));
  else levels.set(String(change.price), String(change.size));
  book.set(key, levels);
}

const sorted = (levels: Map<string, string> | undefined, descending: boolean): Levels =>
  [...(levels ?? new Map())]
    .map(([price, size]) => ({ price, size }))
    .sort((a, b) => {
      const order = price(a.price) < price(b.price) ? -1 : 1;
      return descending ? -order : order;
    });

beforeAll(async () => {
  exchange = await startStandInExchange({ seed: 9 });
  tokens = exchange
    .markets()
    .flatMap((market) => market.tokens.map((token) => token.tokenId))
    .slice(0, 6);
});

afterAll(async () => {
  await exchange.close();
});

describe("market channel", () => {
  it("when subscribing then the initial dump is an array of book events in wire order", async () => {
    const { socket, next } = await connect();
    subscribe(socket, tokens.slice(0, 2));
    const dump = JSON.parse(await next()) as Json[];
    expect(dump.map((event) => [event.event_type, event.asset_id])).toEqual(
      tokens.slice(0, 2).map((id) => ["book", id]),
    );
    const first = dump[0] as { bids: Levels; asks: Levels };
    expect(first.bids).toEqual(exchange.inspect.book(tokens[0] ?? "").bids);
    socket.close();
  });

  it("when PING follows a subscription then PONG comes back", async () => {
    const { socket, next } = await connect();
    subscribe(socket, tokens.slice(0, 1));
    await next();
    socket.send("PING");
    expect(await next()).toBe("PONG");
    socket.close();
  });

  it.each([
    ["PING before any subscription", "PING"],
    ["a payload that is not JSON", "{oops"],
    ["a subscription without assets_ids", JSON.stringify({ type: "market" })],
  ])("when the first frame is %s then the server closes with 1008", async (_name, frame) => {
    const { socket, closed } = await connect();
    socket.send(frame);
    expect(await closed).toEqual({ code: 1008, reason: "invalid subscription payload" });
  });

  it("when many random book moves happen then a cache fed by the events equals the exchange's books", async () => {
    const { socket, next, inbox } = await connect();
    subscribe(socket, tokens);
    const cache = new Map<string, Map<string, string>>();
    for (const book of JSON.parse(await next()) as { asset_id: string; bids: Levels; asks: Levels }[]) {
      for (const level of book.bids) applyChange(cache, { asset_id: book.asset_id, side: "BUY", ...level });
      for (const level of book.asks) applyChange(cache, { asset_id: book.asset_id, side: "SELL", ...level });
    }
    const prng = createPrng(42);
    for (let i = 0; i < 60; i += 1) {
      if (prng.int(0, 3) === 0) {
        const token = tokens[prng.int(0, tokens.length - 1)] ?? "";
        const size = () => `${prng.int(1, 300)}.${prng.int(0, 99)}`;
        exchange.setBook(token, {
          bids: [{ price: `0.${prng.int(10, 44)}`, size: size() }],
          asks: [{ price: `0.${prng.int(56, 90)}`, size: size() }],
        });
      } else {
        exchange.advance(1);
      }
    }
    socket.send("PING");
    for (;;) {
      const text = await next();
      if (text === "PONG") break;
      const event = JSON.parse(text) as Json;
      if (event.event_type === "price_change")
        for (const change of event.price_changes as Json[]) applyChange(cache, change);
    }
    expect(inbox).toEqual([]);
    for (const token of tokens) {
      const expected = exchange.inspect.book(token);
      expect({
        bids: sorted(cache.get(`${token}:BUY`), false),
        asks: sorted(cache.get(`${token}:SELL`), true),
      }).toEqual(expected);
    }
    socket.close();
  });

  it("when the tick size changes then subscribers get tick_size_change", async () => {
    const { socket, next } = await connect();
    const market = exchange.markets()[0];
    subscribe(socket, [market?.tokens[0]?.tokenId ?? ""]);
    await next();
    exchange.setTickSize(market?.conditionId ?? "", "0.001");
    expect(JSON.parse(await next())).toMatchObject({
      event_type: "tick_size_change",
      old_tick_size: "0.01",
      new_tick_size: "0.001",
    });
    socket.close();
  });

  it("when assets are added and removed on an open subscription then only subscribed books are pushed", async () => {
    const { socket, next } = await connect();
    subscribe(socket, [tokens[0] ?? ""]);
    await next();
    socket.send(JSON.stringify({ operation: "subscribe", assets_ids: [tokens[2]] }));
    expect((JSON.parse(await next()) as Json[]).map((event) => event.asset_id)).toEqual([tokens[2]]);
    socket.send(JSON.stringify({ operation: "unsubscribe", assets_ids: [tokens[0]] }));
    socket.send("PING");
    expect(await next()).toBe("PONG");
    exchange.setBook(tokens[0] ?? "", { bids: [{ price: "0.2", size: "1" }], asks: [] });
    exchange.setBook(tokens[2] ?? "", { bids: [{ price: "0.2", size: "1" }], asks: [] });
    const event = JSON.parse(await next()) as { price_changes: Json[] };
    expect(new Set(event.price_changes.map((change) => change.asset_id))).toEqual(new Set([tokens[2]]));
    socket.close();
  });

  it.each([
    [true, ["price_change", "market_resolved"]],
    [false, ["price_change"]],
  ])("when a market resolves with custom features %s then the events are %j", async (custom, expected) => {
    const market = exchange.addMarket(
      { question: `Resolve ${custom}?`, category: "Test" },
      { bids: [{ price: "0.4", size: "10" }], asks: [{ price: "0.6", size: "10" }] },
    );
    const { socket, next } = await connect();
    socket.send(
      JSON.stringify({
        type: "market",
        assets_ids: [market.tokens[0]?.tokenId],
        custom_feature_enabled: custom,
      }),
    );
    await next();
    exchange.resolveMarket(market.conditionId, "No");
    socket.send("PING");
    const events: Json[] = [];
    for (let text = await next(); text !== "PONG"; text = await next()) events.push(JSON.parse(text) as Json);
    expect(events.map((event) => event.event_type)).toEqual(expected);
    if (custom)
      expect(events.at(-1)).toMatchObject({
        winning_asset_id: market.tokens[1]?.tokenId,
        winning_outcome: "No",
      });
    socket.close();
  });

  it("when the drop-websocket fault fires then open sockets close and a new connection works", async () => {
    const first = await connect();
    subscribe(first.socket, tokens.slice(0, 1));
    await first.next();
    exchange.injectFault({ kind: "drop-websocket" });
    expect((await first.closed).code).toBe(1006);
    const second = await connect();
    subscribe(second.socket, tokens.slice(0, 1));
    expect(JSON.parse(await second.next())).toHaveLength(1);
    second.socket.close();
  });
});
