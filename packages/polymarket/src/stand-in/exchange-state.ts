import { aggregate, bestPrice, emptyBook } from "./order-book.ts";
import type { Account, ApiCredentials, Market, Order, Outcome, Side, TokenBook, Trade } from "./types.ts";

export interface PriceChange {
  readonly price: bigint;
  readonly size: bigint;
  readonly side: Side;
}

/** What the WebSocket channel hears about; one event per book mutation keeps clients' caches consistent. */
export type ExchangeEvent =
  | { readonly type: "book"; readonly tokenId: string; readonly changes: readonly PriceChange[] }
  | {
      readonly type: "trade";
      readonly tokenId: string;
      readonly price: bigint;
      readonly side: Side;
      readonly size: bigint;
      readonly feeRateBps: number;
    }
  | {
      readonly type: "tick_size";
      readonly tokenId: string;
      readonly oldTick: bigint;
      readonly newTick: bigint;
    }
  | { readonly type: "resolved"; readonly market: Market; readonly winnerTokenId: string };

/** Balances given to an account the first time it is seen, unless a test set them. */
export interface AccountDefaults {
  readonly balance: bigint;
  readonly allowance: bigint;
}

const diff = (before: Map<bigint, bigint>, after: Map<bigint, bigint>, side: Side): PriceChange[] => {
  const changes: PriceChange[] = [];
  for (const [price, size] of after) if (before.get(price) !== size) changes.push({ price, size, side });
  for (const price of before.keys()) if (!after.has(price)) changes.push({ price, size: 0n, side });
  return changes;
};

/** All mutable exchange state, with the book-mutation hook that turns every change into an event. */
export class ExchangeState {
  readonly markets = new Map<string, Market>();
  readonly tokens = new Map<string, { market: Market; outcome: Outcome }>();
  readonly books = new Map<string, TokenBook>();
  readonly orders = new Map<string, Order>();
  readonly trades: Trade[] = [];
  /** Every order id ever posted, filled, killed or cancelled: a resubmission is a duplicate. */
  readonly seenOrderIds = new Set<string>();
  readonly accounts = new Map<string, Account>();
  readonly credentials = new Map<string, ApiCredentials>();
  readonly history = new Map<string, { t: number; p: bigint }[]>();
  private readonly listeners = new Set<(event: ExchangeEvent) => void>();
  private sequence = 0;

  constructor(private readonly defaults: AccountDefaults) {}

  addMarket(market: Market): void {
    this.markets.set(market.conditionId, market);
    for (const outcome of market.tokens) {
      this.tokens.set(outcome.tokenId, { market, outcome });
      this.books.set(outcome.tokenId, emptyBook());
      this.history.set(outcome.tokenId, []);
    }
  }

  /** A per-exchange counter for ids that must be unique and reproducible (trade ids). */
  nextSequence(): number {
    this.sequence += 1;
    return this.sequence;
  }

  account(address: string): Account {
    const key = address.toLowerCase();
    let account = this.accounts.get(key);
    if (!account) {
      account = { address: key, ...this.defaults, positions: new Map() };
      this.accounts.set(key, account);
    }
    return account;
  }

  book(tokenId: string): TokenBook {
    const book = this.books.get(tokenId);
    if (!book) throw new Error(`unknown token ${tokenId}`);
    return book;
  }

  /** Runs a mutation on one token's book and publishes the aggregate levels it changed. */
  mutateBook<T>(tokenId: string, mutate: (book: TokenBook) => T): T {
    const book = this.book(tokenId);
    const bids = aggregate(book.bids);
    const asks = aggregate(book.asks);
    const result = mutate(book);
    const changes = [...diff(bids, aggregate(book.bids), "BUY"), ...diff(asks, aggregate(book.asks), "SELL")];
    if (changes.length > 0) this.emit({ type: "book", tokenId, changes });
    return result;
  }

  midpoint(tokenId: string): bigint | null {
    const book = this.book(tokenId);
    const bid = bestPrice(book.bids);
    const ask = bestPrice(book.asks);
    if (bid === null || ask === null) return null;
    return (bid + ask) / 2n;
  }

  recordHistory(tokenId: string, nowSeconds: number): void {
    const mid = this.midpoint(tokenId);
    if (mid !== null) this.history.get(tokenId)?.push({ t: nowSeconds, p: mid });
  }

  subscribe(listener: (event: ExchangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ExchangeEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Live orders of one account, for reservations and queries. */
  liveOrdersOf(address: string): Order[] {
    return [...this.orders.values()].filter((order) => order.status === "LIVE" && order.signer === address);
  }
}
