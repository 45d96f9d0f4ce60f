import { minBig } from "./bigint-min.ts";
import type { ExchangeState } from "./exchange-state.ts";
import { removeOrder } from "./order-book.ts";
import { recordTrades } from "./settlement.ts";
import type { BookEntry, Level, MakerFill, Order, TokenBook } from "./types.ts";

export interface CancelResult {
  readonly canceled: string[];
  readonly not_canceled: Record<string, string>;
}

function cancel(state: ExchangeState, order: Order): void {
  order.status = "CANCELED";
  state.mutateBook(order.tokenId, (book) => removeOrder(book, order.side, order.price, order.id));
}

/** Cancels the given orders of one account, answering per id like DELETE /orders does. */
export function cancelOrders(state: ExchangeState, ids: readonly string[], address: string): CancelResult {
  const result: CancelResult = { canceled: [], not_canceled: {} };
  for (const id of ids) {
    const order = state.orders.get(id);
    if (!order || order.signer !== address) result.not_canceled[id] = "order not found";
    else if (order.status !== "LIVE") result.not_canceled[id] = "order can't be canceled: it is not live";
    else {
      cancel(state, order);
      result.canceled.push(id);
    }
  }
  return result;
}

/** GTD orders leave the book one minute before their expiration, the exchange's safety margin. */
export function expireOrders(state: ExchangeState, nowSeconds: number): void {
  for (const order of state.orders.values()) {
    if (order.status === "LIVE" && order.expiration > 0n && order.expiration - 60n <= BigInt(nowSeconds)) {
      cancel(state, order);
    }
  }
}

const firstEntry = (level: Level | undefined, user: boolean): BookEntry | undefined =>
  level?.entries.find((entry) => (entry.orderId !== null) === user && entry.size > 0n);

/** One fill of a crossed user order against house liquidity, or null when nothing crosses. */
function nextCross(book: TokenBook): { fill: MakerFill; userSide: "BUY" | "SELL" } | null {
  const bid = book.bids.at(-1);
  const ask = book.asks.at(-1);
  if (!bid || !ask || bid.price < ask.price) return null;
  const userBid = firstEntry(bid, true);
  const houseAsk = firstEntry(ask, false);
  const userAsk = firstEntry(ask, true);
  const houseBid = firstEntry(bid, false);
  const [user, house, level, userSide] =
    userBid && houseAsk
      ? [userBid, houseAsk, bid, "BUY" as const]
      : userAsk && houseBid
        ? [userAsk, houseBid, ask, "SELL" as const]
        : [];
  if (!user || !house || !level || !userSide) return null;
  const shares = minBig(user.size, house.size);
  return { fill: { orderId: user.orderId, owner: user.owner, shares, price: level.price }, userSide };
}

const consume = (levels: Level[], price: bigint, orderId: string | null, shares: bigint): void => {
  const at = levels.findIndex((level) => level.price === price);
  const level = levels[at];
  const entry = level?.entries.find((candidate) => candidate.orderId === orderId && candidate.size > 0n);
  if (!level || !entry) return;
  entry.size -= shares;
  level.entries = level.entries.filter((candidate) => candidate.size > 0n);
  if (level.entries.length === 0) levels.splice(at, 1);
};

/**
 * After the house liquidity moves (setBook, simulated steps), resting user orders it crosses fill at their
 * own price, as they would on the real exchange when a taker arrives. The house is the taker and pays nothing.
 */
export function fillCrossedRestingOrders(
  state: ExchangeState,
  tokenId: string,
  nowMs: number,
  visibleAt: number,
): void {
  const market = state.tokens.get(tokenId)?.market;
  if (!market) return;
  for (;;) {
    const cross = nextCross(state.book(tokenId));
    if (!cross) return;
    const { fill, userSide } = cross;
    const houseSide = userSide === "BUY" ? "SELL" : "BUY";
    const houseLevels = (book: TokenBook) => (userSide === "BUY" ? book.asks : book.bids);
    const userLevels = (book: TokenBook) => (userSide === "BUY" ? book.bids : book.asks);
    state.mutateBook(tokenId, (book) => {
      const housePrice = houseLevels(book).at(-1)?.price ?? fill.price;
      consume(houseLevels(book), housePrice, null, fill.shares);
      consume(userLevels(book), fill.price, fill.orderId, fill.shares);
    });
    const taker = {
      orderId: `house-${state.nextSequence()}`,
      owner: "house",
      address: null,
      side: houseSide,
    } as const;
    recordTrades(state, market, tokenId, taker, [fill], nowMs, visibleAt);
  }
}
