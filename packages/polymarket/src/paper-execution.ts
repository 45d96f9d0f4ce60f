import { createHash } from "node:crypto";
import {
  type BookWalk,
  type FeeSchedule,
  formatPrice,
  formatShares,
  type OrderBook,
  type Price,
  price,
  type Shares,
  shares,
  type Usd,
  walkBook,
} from "@open-trade/risk-engine";
import type {
  Execution,
  ExecutionFailure,
  Fill,
  OpenOrder,
  OrderOutcome,
  OrderRequest,
  OrderType,
  PreparedOrder,
} from "./execution.ts";
import type { MarketParams, TokenId } from "./market-data.ts";
import { orderAmounts } from "./order-amounts.ts";
import { PaperLedger, restingCost } from "./paper-ledger.ts";

export interface PaperExecutionOptions {
  /** The current real book for a token (e.g. from the feed's BookCache), undefined when unknown. */
  readonly book: (tokenId: TokenId) => OrderBook | undefined | Promise<OrderBook | undefined>;
  /** Tick, minimum size and fee schedule (e.g. MarketData.getMarketParams). */
  readonly params: (tokenId: TokenId) => Promise<MarketParams>;
  readonly startingCash: Usd;
  /**
   * Shares the account already holds when it opens, e.g. a bot's positions folded from its ledger, so they
   * can be sold by a process that did not buy them. A token given twice is summed; a negative amount throws.
   */
  readonly holdings?: Iterable<readonly [TokenId, Shares]>;
  /** Unix milliseconds; injected so the same events always give the same fills. */
  readonly now: () => number;
}

export interface PaperExecution extends Execution {
  readonly mode: "paper";
  /** Feed a newer book: resting GTC/GTD orders it crosses fill against it. Returns the new fills. */
  onBook(tokenId: TokenId, book: OrderBook): Promise<Fill[]>;
  /** Market resolution: winning shares pay 1 USD each, the rest nothing; resting orders are dropped. */
  settle(tokenIds: readonly TokenId[], winningTokenId: TokenId): Usd;
  position(tokenId: TokenId): Shares;
}

const fail = (code: ExecutionFailure["code"], message: string) => ({
  ok: false as const,
  failure: { code, message },
});
const rejected = (orderId: string, code: ExecutionFailure["code"], message: string): OrderOutcome => ({
  ok: false,
  orderId,
  failure: { code, message },
});

/**
 * Paper trading against real books: taker fills walk the current book with the risk engine's `walkBook`
 * (fees charged), FOK is all-or-nothing, FAK keeps what filled, GTC/GTD rest and fill when a later book
 * crosses them. The book itself is never depleted: paper orders are assumed too small to move a real market.
 */
export function createPaperExecution(options: PaperExecutionOptions): PaperExecution {
  const ledger = new PaperLedger(options.startingCash, options.holdings);
  const submitted = new Map<string, OrderOutcome>();
  const fills: Fill[] = [];
  const fees = new Map<TokenId, FeeSchedule>();
  let sequence = 0;

  const expire = () => {
    const now = options.now();
    for (const [id, order] of ledger.open)
      if (order.expiresAt !== null && order.expiresAt <= now) ledger.open.delete(id);
  };

  /** Books a walk's fill against the ledger; the walk is passed in so each order walks the book once. */
  const record = (order: OpenOrder, walk: BookWalk): Fill | undefined => {
    if (walk.filled === 0n) return undefined;
    ledger.applyFill(order.tokenId, order.side, walk.filled, walk.cost, walk.fee);
    const fill: Fill = {
      tradeId: `${order.orderId}:${fills.length}`,
      orderId: order.orderId,
      tokenId: order.tokenId,
      side: order.side,
      price: walk.vwap ?? order.price,
      shares: walk.filled,
      fee: walk.fee,
      at: options.now(),
    };
    fills.push(fill);
    return fill;
  };

  const paper: PaperExecution = {
    mode: "paper",

    async prepareOrder(request: OrderRequest, prepare = {}) {
      if (request.type === "GTD" && request.expiresAt === undefined) {
        return fail("INVALID_ORDER", "A GTD order needs expiresAt; give one or use GTC.");
      }
      const params = await options.params(request.tokenId);
      fees.set(request.tokenId, params.fee);
      const amounts = orderAmounts(request, params);
      if (!amounts.ok) return amounts;
      const canonical = {
        tokenId: request.tokenId,
        side: request.side,
        type: request.type,
        shares: formatShares(amounts.value.shares),
        limitPrice: formatPrice(amounts.value.price),
        expiresAt: request.expiresAt?.getTime() ?? null,
        postOnly: request.postOnly === true,
        salt: String(prepare.salt ?? BigInt(sequence++)),
        timestampMs: prepare.timestampMs ?? null,
      };
      const orderId = `0x${createHash("sha256").update(JSON.stringify(canonical)).digest("hex")}`;
      const { salt: _salt, timestampMs: _timestamp, ...rest } = canonical;
      return {
        ok: true,
        value: { orderId, mode: "paper", negRisk: params.negRisk, ...rest, payload: canonical },
      };
    },

    async submitOrder(order: PreparedOrder): Promise<OrderOutcome> {
      const orderId = order.orderId;
      let size: Shares;
      let limit: Price;
      try {
        if (order.mode !== "paper") throw new Error("mode");
        size = shares(order.shares);
        limit = price(order.limitPrice);
      } catch {
        return rejected(
          orderId,
          "INVALID_ORDER",
          "This order was not prepared by the paper execution or was damaged; prepare it again.",
        );
      }
      if (submitted.has(orderId)) {
        return rejected(
          orderId,
          "DUPLICATE",
          `Order ${orderId} was already submitted; read its state with openOrders or trades.`,
        );
      }
      expire();
      if (order.expiresAt !== null && order.expiresAt <= options.now()) {
        return rejected(
          orderId,
          "INVALID_ORDER",
          "The GTD order has already expired; prepare it again with a later expiresAt.",
        );
      }
      const book = await options.book(order.tokenId);
      if (!book) {
        return rejected(
          orderId,
          "EXCHANGE_UNAVAILABLE",
          `No current book for token ${order.tokenId}; subscribe to it and retry.`,
        );
      }
      const fee = fees.get(order.tokenId) ?? (await options.params(order.tokenId)).fee;
      const resting = order.type === "GTC" || order.type === "GTD";
      const walk = walkBook(book, { side: order.side, shares: size, limitPrice: limit, fee });
      // Same split as live: depth that exists only beyond the limit is slippage, no depth at all is a kill.
      const killed = (order.type === "FOK" && !walk.complete) || (order.type === "FAK" && walk.filled === 0n);
      if (killed && walkBook(book, { side: order.side, shares: size }).complete) {
        return rejected(
          orderId,
          "SLIPPAGE",
          "Nothing was traded; the book holds the size only beyond the limit price. Re-check the price.",
        );
      }
      if (order.type === "FOK" && !walk.complete) {
        return rejected(
          orderId,
          "LIQUIDITY_KILL",
          "The FOK order could not be filled completely at its limit price; nothing was traded.",
        );
      }
      if (order.postOnly === true && walk.filled > 0n) {
        return rejected(
          orderId,
          "INVALID_ORDER",
          "The post-only order would cross the book; nothing was traded. Price it behind the best opposite level.",
        );
      }
      if (order.type === "FAK" && walk.filled === 0n) {
        return rejected(
          orderId,
          "LIQUIDITY_KILL",
          "The FAK order found nothing to match at its limit price; nothing was traded.",
        );
      }
      const rest = resting ? ((size - walk.filled) as Shares) : (0n as Shares);
      const enough =
        order.side === "BUY"
          ? walk.cost + walk.fee + restingCost(rest, limit) <= ledger.freeCash()
          : size <= ledger.freeShares(order.tokenId);
      if (!enough) {
        return rejected(
          orderId,
          "INSUFFICIENT_BALANCE",
          "The paper account does not hold enough cash or shares for this order.",
        );
      }
      const open: OpenOrder = {
        orderId,
        tokenId: order.tokenId,
        side: order.side,
        price: limit,
        originalShares: size,
        matchedShares: 0n as Shares,
        type: order.type as OrderType,
        expiresAt: order.expiresAt,
      };
      const taken = record(open, walk);
      if (rest > 0n) ledger.open.set(orderId, { ...open, matchedShares: walk.filled });
      const outcome: OrderOutcome = {
        ok: true,
        orderId,
        status: taken ? "matched" : "live",
        filled: walk.filled,
        usd: (order.side === "BUY" ? walk.cost + walk.fee : walk.cost - walk.fee) as Usd,
        fee: walk.fee,
        price: walk.vwap,
        tradeIds: taken ? [taken.tradeId] : [],
      };
      submitted.set(orderId, outcome);
      return outcome;
    },

    async onBook(tokenId, book) {
      expire();
      const fee = fees.get(tokenId) ?? (await options.params(tokenId)).fee;
      const made: Fill[] = [];
      for (const [id, order] of ledger.open) {
        if (order.tokenId !== tokenId) continue;
        const remaining = (order.originalShares - order.matchedShares) as Shares;
        const walk = walkBook(book, { side: order.side, shares: remaining, limitPrice: order.price, fee });
        const fill = record(order, walk);
        if (!fill) continue;
        made.push(fill);
        const matched = (order.matchedShares + walk.filled) as Shares;
        if (matched >= order.originalShares) ledger.open.delete(id);
        else ledger.open.set(id, { ...order, matchedShares: matched });
      }
      return made;
    },

    settle: (tokenIds, winningTokenId) => ledger.settle(tokenIds, winningTokenId),
    position: (tokenId) => ledger.position(tokenId),

    async cancelOrder(orderId) {
      if (ledger.open.delete(orderId)) return { ok: true, value: { canceled: [orderId], notCanceled: {} } };
      return { ok: true, value: { canceled: [], notCanceled: { [orderId]: "order not open" } } };
    },
    async openOrders(filter = {}) {
      expire();
      const all = [...ledger.open.values()];
      return { ok: true, value: filter.tokenId ? all.filter((o) => o.tokenId === filter.tokenId) : all };
    },
    async trades(filter = {}) {
      const value = fills.filter(
        (fill) =>
          (filter.tokenId === undefined || fill.tokenId === filter.tokenId) &&
          (filter.orderId === undefined || fill.orderId === filter.orderId),
      );
      return { ok: true, value };
    },
    async balance() {
      return { ok: true, value: { collateral: ledger.cash, allowances: { paper: ledger.freeCash() } } };
    },
  };
  return paper;
}
