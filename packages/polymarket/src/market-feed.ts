import WebSocket from "ws";
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from "./backoff.ts";
import { BookCache } from "./book-cache.ts";
import type { TokenBook, TokenId } from "./market-data.ts";
import { fastPriceChange } from "./wire/fast-price-change.ts";
import { HANDLED_EVENT_TYPES, type WsMarketEvent, wsMarketEventSchema } from "./wire/ws-market-event.ts";

export type FeedStatus = "connecting" | "open" | "reconnecting" | "closed";

export interface MarketFeedOptions {
  /** The market channel, e.g. wss://ws-subscriptions-clob.polymarket.com/ws/market. */
  readonly wsUrl: string;
  readonly tokenIds: readonly TokenId[];
  readonly backoff?: BackoffPolicy;
  /** Text `PING` keep-alive; the server answers `PONG`. */
  readonly pingIntervalMs?: number;
  /** Reconnect when nothing (not even a PONG) arrives for this long: catches silently hung sockets. */
  readonly silenceTimeoutMs?: number;
  readonly random?: () => number;
  readonly onEvent?: (event: WsMarketEvent) => void;
  readonly onBookChange?: (book: TokenBook) => void;
  readonly onStatus?: (status: FeedStatus) => void;
  /** A frame that does not parse; the feed carries on, and the affected book self-heals on the next `book`. */
  readonly onMalformed?: (error: Error) => void;
}

export interface MarketFeed {
  readonly cache: BookCache;
  status(): FeedStatus;
  subscribe(tokenIds: readonly TokenId[]): void;
  /** Resolves with the first complete book for the token, or rejects after `timeoutMs`. */
  waitForBook(tokenId: TokenId, timeoutMs: number): Promise<TokenBook>;
  close(): Promise<void>;
}

/** Subscribes to books and price changes over the market WebSocket, reconnecting with backoff. */
export function createMarketFeed(options: MarketFeedOptions): MarketFeed {
  const cache = new BookCache();
  const tokens = new Set(options.tokenIds);
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  let status: FeedStatus = "connecting";
  let socket: WebSocket | undefined;
  let attempt = 0;
  let reconnect: NodeJS.Timeout | undefined;
  let ping: NodeJS.Timeout | undefined;
  let silence: NodeJS.Timeout | undefined;
  const waiters = new Set<() => void>();

  const setStatus = (next: FeedStatus) => {
    status = next;
    options.onStatus?.(next);
  };
  const notify = (tokenId: TokenId) => {
    const book = cache.get(tokenId);
    if (book) options.onBookChange?.(book);
    for (const waiter of waiters) waiter();
  };
  const armSilence = (ws: WebSocket) => {
    clearTimeout(silence);
    silence = setTimeout(() => ws.terminate(), options.silenceTimeoutMs ?? 30_000);
  };

  const handle = (event: WsMarketEvent) => {
    options.onEvent?.(event);
    if (event.event_type === "book") {
      cache.applyBook(event);
      notify(event.asset_id);
    } else if (event.event_type === "price_change") {
      for (const tokenId of new Set(cache.applyPriceChange(event))) notify(tokenId);
    } else if (event.event_type === "tick_size_change") {
      cache.applyTickSize(event.asset_id, event.new_tick_size);
      notify(event.asset_id);
    }
  };

  const onMessage = (data: WebSocket.RawData) => {
    const text = data.toString();
    if (text === "PONG" || text === "") return;
    let frames: unknown;
    try {
      frames = JSON.parse(text);
    } catch {
      options.onMalformed?.(new Error("market channel frame is not JSON"));
      return;
    }
    // The initial dump arrives as an array of `book` events; later events come one per frame.
    for (const frame of Array.isArray(frames) ? frames : [frames]) {
      const type = (frame as { event_type?: unknown } | null)?.event_type;
      if (typeof type !== "string" || !HANDLED_EVENT_TYPES.has(type)) continue;
      const fast = type === "price_change" ? fastPriceChange(frame) : null;
      if (fast) {
        handle(fast);
        continue;
      }
      const parsed = wsMarketEventSchema.safeParse(frame);
      if (parsed.success) handle(parsed.data);
      else {
        const issue = parsed.error.issues[0];
        options.onMalformed?.(
          new Error(`market channel ${type} event: field "${issue?.path.join(".")}" ${issue?.message}`),
        );
        // A price_change we cannot apply would leave the book silently wrong; drop it until a fresh `book`.
        const assetId = (frame as { asset_id?: unknown }).asset_id;
        if (typeof assetId === "string") cache.invalidate([assetId]);
        else if (type === "price_change") cache.invalidate([...tokens]);
      }
    }
  };

  const connect = () => {
    const ws = new WebSocket(options.wsUrl);
    socket = ws;
    ws.on("open", () => {
      attempt = 0;
      setStatus("open");
      ws.send(JSON.stringify({ type: "market", markets: [], assets_ids: [...tokens], initial_dump: true }));
      armSilence(ws);
      clearInterval(ping);
      ping = setInterval(
        () => ws.readyState === WebSocket.OPEN && ws.send("PING"),
        options.pingIntervalMs ?? 10_000,
      );
    });
    ws.on("message", (data) => {
      armSilence(ws);
      onMessage(data);
    });
    ws.on("error", () => {
      // "close" always follows and drives the reconnect; the error itself carries nothing to act on.
    });
    ws.on("close", () => {
      clearTimeout(silence);
      clearInterval(ping);
      if (status === "closed") return;
      cache.invalidate();
      setStatus("reconnecting");
      reconnect = setTimeout(connect, backoffDelay(attempt++, policy, random));
    });
  };

  connect();

  return {
    cache,
    status: () => status,
    subscribe(tokenIds) {
      const fresh = tokenIds.filter((tokenId) => !tokens.has(tokenId));
      for (const tokenId of fresh) tokens.add(tokenId);
      if (fresh.length > 0 && socket?.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify({ operation: "subscribe", assets_ids: fresh, initial_dump: true }));
      }
    },
    waitForBook(tokenId, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const book = cache.get(tokenId);
          if (!book) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(book);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `No complete book for token ${tokenId} within ${timeoutMs} ms; is it subscribed and trading?`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      setStatus("closed");
      clearTimeout(silence);
      clearTimeout(reconnect);
      clearInterval(ping);
      const ws = socket;
      if (!ws || ws.readyState === WebSocket.CLOSED) return;
      await new Promise<void>((resolve) => {
        ws.once("close", () => resolve());
        ws.close();
      });
    },
  };
}
