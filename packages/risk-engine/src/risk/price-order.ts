import { floorToLot, LOT } from "../accounting/dust.ts";
import type { BookLevel, OrderBook } from "../book/order-book.ts";
import { slippageLimitPrice } from "../book/slippage-limit-price.ts";
import { type BookWalk, walkBook } from "../book/walk-book.ts";
import { divFloor } from "../money/divide.ts";
import { notional } from "../money/notional.ts";
import { MICROS, type Price, type Shares, type Usd } from "../money/units.ts";
import { computeExposure, type Exposure } from "./exposure.ts";
import type { TradingState } from "./trading-state.ts";
import type { MarketSnapshot, OrderIntent, RiskLimits, RiskSnapshot } from "./types.ts";

// Reduced sizes land on whole 0.01-share lots, the exchange's size step.
export { floorToLot, LOT };

/** An intent with everything the checks need computed once: the effective limit, the book walk, exposure. */
export interface PricedOrder {
  readonly intent: OrderIntent;
  /** The snapshot's market when it is the intent's market, else null (MARKET_UNKNOWN). */
  readonly market: MarketSnapshot | null;
  readonly state: TradingState;
  /** Null when the side to take from is empty and the intent gave no limit. */
  readonly limitPrice: Price | null;
  readonly walk: BookWalk;
  /** Worst case for a BUY: the size at the limit price (rounded up) plus `orderFee`; 0 for a SELL. */
  readonly orderCost: Usd;
  /**
   * Worst-case taker fee of a BUY: the larger of the walk's fee and the fee on what the worst-case spend
   * (the size at the limit) buys at this book. An exchange spends a market buy's USD amount, so a book
   * cheaper than the limit fills more shares than asked, and charges its fee on all of them.
   */
  readonly orderFee: Usd;
  readonly exposure: Exposure;
  readonly blockedUntil: number | null;
}

const EMPTY_BOOK: OrderBook = { bids: [], asks: [], tickSize: 1n as Price, minOrderSize: 0n as Shares };

const validLimit = (limit: Price, tick: Price): boolean =>
  limit > 0n && limit < MICROS && limit % tick === 0n;

/** The tighter of the intent's own limit and the slippage cap. */
function effectiveLimit(intent: OrderIntent, book: OrderBook, maxSlippageBps: number): Price | null {
  const own =
    intent.limitPrice !== undefined && validLimit(intent.limitPrice, book.tickSize)
      ? intent.limitPrice
      : null;
  // evaluate has already refused a book whose tick size is not positive.
  const cap = slippageLimitPrice(book, intent.side, maxSlippageBps);
  if (own === null || cap === null) return own ?? cap;
  const ownIsTighter = intent.side === "BUY" ? own < cap : own > cap;
  return ownIsTighter ? own : cap;
}

export function priceOrder(
  intent: OrderIntent,
  snapshot: RiskSnapshot,
  limits: RiskLimits,
  state: TradingState,
  blockedUntil: number | null,
): PricedOrder {
  const market = snapshot.market?.id === intent.marketId ? snapshot.market : null;
  const book = market?.book ?? EMPTY_BOOK;
  const limitPrice = effectiveLimit(intent, book, limits.maxSlippageBps);
  const walk = walkBook(book, {
    side: intent.side,
    shares: intent.shares,
    ...(limitPrice === null ? {} : { limitPrice }),
    ...(market?.fee ? { fee: market.fee } : {}),
  });
  const spend =
    intent.side === "BUY" && limitPrice !== null ? notional(intent.shares, limitPrice, "up") : null;
  let orderFee = walk.fee;
  if (spend !== null && limitPrice !== null && market?.fee && walk.fee > 0n) {
    const spent = walkBook(book, { side: "BUY", usd: spend as Usd, limitPrice, fee: market.fee });
    if (spent.fee > orderFee) orderFee = spent.fee;
  }
  const orderCost = spend === null ? 0n : spend + orderFee;
  return {
    intent,
    market,
    state,
    limitPrice,
    walk,
    orderCost: orderCost as Usd,
    orderFee: orderFee as Usd,
    exposure: computeExposure(snapshot, intent, limits.riskBudgetType === "shared"),
    blockedUntil,
  };
}

/** Largest lot-aligned BUY whose worst-case cost fits `headroom`, given the fee already computed. */
export function sharesWithin(headroom: bigint, order: PricedOrder): Shares {
  const budget = headroom - order.orderFee;
  if (budget <= 0n || order.limitPrice === null || order.limitPrice === 0n) return 0n as Shares;
  return floorToLot(divFloor(budget * MICROS, order.limitPrice));
}

/** Total size on the side an order would take from. */
export function sideDepth(book: OrderBook, order: PricedOrder): Shares {
  let depth = 0n;
  for (const level of (order.intent.side === "BUY" ? book.asks : book.bids) as readonly BookLevel[]) {
    depth += level.size;
  }
  return depth as Shares;
}

/**
 * The price of the level at which the side's depth, taken from the best level on, reaches the order's
 * size: the worst price the whole size would fill at, ignoring any limit. Null when the side holds less.
 */
export function priceToFill(book: OrderBook, order: PricedOrder): Price | null {
  const levels = (order.intent.side === "BUY" ? book.asks : book.bids) as readonly BookLevel[];
  let depth = 0n;
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i] as BookLevel;
    depth += level.size;
    if (depth >= order.intent.shares) return level.price;
  }
  return null;
}
