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

/** The best level (wire order: best last) holding a user's (or the house's) entry, with that entry. */
function bestWith(levels: readonly Level[], user: boolean): { level: Level; entry: BookEntry } | undefined {
  for (let i = levels.length - 1; i >= 0; i -= 1) {
    const level = levels[i] as Level;
    const entry = firstEntry(level, user);
    if (entry) return { level, entry };
  }
  return undefined;
}

/**
 * One fill of a crossed user order against house liquidity, or null when none crosses. The best user and
 * house entries are compared, not the top levels: a user's own order on top of one side (left there by
 * the self-trade rule) must not hide the house liquidity behind it.
 */
function nextCross(
  book: TokenBook,
): { fill: MakerFill; userSide: "BUY" | "SELL"; housePrice: bigint } | null {
  const userBid = bestWith(book.bids, true);
  const houseAsk = bestWith(book.asks, false);
  const userAsk = bestWith(book.asks, true);
  const houseBid = bestWith(book.bids, false);
  const [user, house, userSide] =
    userBid && houseAsk && userBid.level.price >= houseAsk.level.price
      ? [userBid, houseAsk, "BUY" as const]
      : userAsk && houseBid && houseBid.level.price >= userAsk.level.price
        ? [userAsk, houseBid, "SELL" as const]
        : [];
  if (!user || !house || !userSide) return null;
  const shares = minBig(user.entry.size, house.entry.size);
  const fill = { orderId: user.entry.orderId, owner: user.entry.owner, shares, price: user.level.price };
  return { fill, userSide, housePrice: house.level.price };
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
    const { fill, userSide, housePrice } = cross;
    const houseSide = userSide === "BUY" ? "SELL" : "BUY";
    const houseLevels = (book: TokenBook) => (userSide === "BUY" ? book.asks : book.bids);
    const userLevels = (book: TokenBook) => (userSide === "BUY" ? book.bids : book.asks);
    state.mutateBook(tokenId, (book) => {
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
