import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { formatMicros } from "@open-trade/risk-engine";
import { type WebSocket, WebSocketServer } from "ws";
import { bookSummary } from "./clob-shapes.ts";
import type { ExchangeEvent, ExchangeState } from "./exchange-state.ts";
import { bestPrice } from "./order-book.ts";

export const MARKET_CHANNEL_PATH = "/ws/market";

interface Subscriber {
  readonly socket: WebSocket;
  readonly assets: Set<string>;
  subscribed: boolean;
  customFeatures: boolean;
}

const INVALID = "invalid subscription payload";

const stringList = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((item) => typeof item === "string") ? value : null;

/**
 * The market WebSocket channel (reference V1 §7.1): a `{"type":"market","assets_ids":[…]}` subscription,
 * an initial dump as a JSON array of `book` events, then `price_change` (new aggregate size per level),
 * `last_trade_price` and `tick_size_change`; text PING answered with PONG.
 */
export class MarketChannel {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly subscribers = new Set<Subscriber>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly state: ExchangeState,
    private readonly nowMs: () => number,
  ) {
    this.unsubscribe = state.subscribe((event) => this.publish(event));
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  /** Closes every connection abruptly, as a network drop would (the dropped-WebSocket fault). */
  dropAll(): void {
    for (const subscriber of this.subscribers) subscriber.socket.terminate();
    this.subscribers.clear();
  }

  close(): void {
    this.unsubscribe();
    this.dropAll();
    this.server.close();
  }

  private accept(socket: WebSocket): void {
    const subscriber: Subscriber = { socket, assets: new Set(), subscribed: false, customFeatures: false };
    this.subscribers.add(subscriber);
    socket.on("close", () => this.subscribers.delete(subscriber));
    socket.on("message", (data) => this.receive(subscriber, data.toString()));
  }

  private receive(subscriber: Subscriber, text: string): void {
    const { socket } = subscriber;
    if (text === "PING") {
      if (subscriber.subscribed) socket.send("PONG");
      else socket.close(1008, INVALID);
      return;
    }
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(text) as Record<string, unknown>;
    } catch {
      socket.close(1008, INVALID);
      return;
    }
    const assets = stringList(message.assets_ids);
    const operation = message.operation;
    if (assets && String(message.type).toLowerCase() === "market") {
      subscriber.subscribed = true;
      subscriber.customFeatures = message.custom_feature_enabled === true;
      for (const asset of assets) subscriber.assets.add(asset);
      if (message.initial_dump !== false) this.dump(subscriber, assets);
    } else if (
      assets &&
      subscriber.subscribed &&
      (operation === "subscribe" || operation === "unsubscribe")
    ) {
      for (const asset of assets) {
        if (operation === "subscribe") subscriber.assets.add(asset);
        else subscriber.assets.delete(asset);
      }
      if (operation === "subscribe") this.dump(subscriber, assets);
    } else {
      socket.close(1008, INVALID);
    }
  }

  private dump(subscriber: Subscriber, assets: readonly string[]): void {
    const books = assets
      .filter((asset) => this.state.tokens.has(asset))
      .map((asset) => ({ event_type: "book", ...bookSummary(this.state, asset, this.nowMs()) }));
    subscriber.socket.send(JSON.stringify(books));
  }

  private publish(event: ExchangeEvent): void {
    const tokenIds =
      event.type === "resolved" ? event.market.tokens.map((token) => token.tokenId) : [event.tokenId];
    let payload: string | null = null;
    for (const subscriber of this.subscribers) {
      if (!subscriber.subscribed || !tokenIds.some((id) => subscriber.assets.has(id))) continue;
      if (event.type === "resolved" && !subscriber.customFeatures) continue;
      payload ??= JSON.stringify(this.render(event));
      subscriber.socket.send(payload);
    }
  }

  private render(event: ExchangeEvent): Record<string, unknown> {
    const timestamp = String(this.nowMs());
    if (event.type === "resolved") {
      const winner = event.market.tokens.find((token) => token.tokenId === event.winnerTokenId);
      return {
        event_type: "market_resolved",
        market: event.market.conditionId,
        assets_ids: event.market.tokens.map((token) => token.tokenId),
        winning_asset_id: event.winnerTokenId,
        winning_outcome: winner?.outcome ?? "",
        timestamp,
      };
    }
    const market = this.state.tokens.get(event.tokenId)?.market.conditionId ?? "";
    if (event.type === "trade") {
      return {
        event_type: "last_trade_price",
        asset_id: event.tokenId,
        market,
        price: formatMicros(event.price),
        side: event.side,
        size: formatMicros(event.size),
        fee_rate_bps: String(event.feeRateBps),
        timestamp,
      };
    }
    if (event.type === "tick_size") {
      return {
        event_type: "tick_size_change",
        asset_id: event.tokenId,
        market,
        old_tick_size: formatMicros(event.oldTick),
        new_tick_size: formatMicros(event.newTick),
        timestamp,
      };
    }
    const book = this.state.book(event.tokenId);
    const bid = bestPrice(book.bids);
    const ask = bestPrice(book.asks);
    const hash = bookSummary(this.state, event.tokenId, Number(timestamp)).hash;
    return {
      event_type: "price_change",
      market,
      timestamp,
      price_changes: event.changes.map((change) => ({
        asset_id: event.tokenId,
        price: formatMicros(change.price),
        size: formatMicros(change.size),
        side: change.side,
        hash,
        best_bid: bid === null ? "" : formatMicros(bid),
        best_ask: ask === null ? "" : formatMicros(ask),
      })),
    };
  }
}
