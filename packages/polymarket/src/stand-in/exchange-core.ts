import { MICROS, price, shares, usd } from "@open-trade/risk-engine";
import { ExchangeState } from "./exchange-state.ts";
import { createMarket, type MarketSpec, VALID_TICKS } from "./market-factory.ts";
import { type LevelInput, replaceHouse } from "./order-book.ts";
import { expireOrders, fillCrossedRestingOrders } from "./order-lifecycle.ts";
import { createPrng, type Prng } from "./prng.ts";
import { houseBook, mirrorBook, SIMULATED_SPECS } from "./simulated-markets.ts";
import {
  drawDynamics,
  initialFairPrice,
  type MarketDynamics,
  moveFairPrice,
} from "./simulated-price-model.ts";
import type { Market } from "./types.ts";

/** A book as a test writes it: decimal strings, any order (the exchange sorts into wire order). */
export interface BookInput {
  readonly bids: readonly { readonly price: string; readonly size: string }[];
  readonly asks: readonly { readonly price: string; readonly size: string }[];
}

export interface CoreOptions {
  readonly seed: number;
  readonly simulate: boolean;
  readonly chainId: number;
  readonly defaultBalance: string;
  readonly now: () => number;
  /** Wall-clock time one `advance` step stands for (default 5 s). */
  readonly stepMs?: number;
}

interface SimulatedMarket {
  fair: bigint;
  readonly dynamics: MarketDynamics;
  /** Simulated time since start at which it resolves, or null. */
  readonly resolvesAtMs: number | null;
}

/** Unlimited, as after the usual max approval of pUSD to the exchange. */
const MAX_ALLOWANCE = 2n ** 256n - 1n;

const levels = (input: BookInput["bids"]): LevelInput[] =>
  input.map((level) => ({ price: price(level.price), size: shares(level.size) }));

/** The exchange without its transport: markets, books, simulation, accounts and the test controls. */
export class ExchangeCore {
  readonly state: ExchangeState;
  readonly chainId: number;
  readonly salt: string;
  /** > 0 while the late-trades fault is on. */
  tradeDelayMs = 0;
  private readonly prng: Prng;
  private readonly simulated = new Map<string, SimulatedMarket>();
  private readonly stepMs: number;
  private elapsedMs = 0;
  private readonly eventIndex = new Map<string, number>();
  private readonly now: () => number;

  constructor(options: CoreOptions) {
    this.state = new ExchangeState({
      balance: usd(options.defaultBalance),
      allowance: MAX_ALLOWANCE,
    });
    this.chainId = options.chainId;
    this.salt = `seed-${options.seed}`;
    this.prng = createPrng(options.seed);
    this.now = options.now;
    this.stepMs = options.stepMs ?? 5_000;
    if (options.simulate) {
      for (const spec of SIMULATED_SPECS) {
        const market = this.addMarket(spec);
        this.simulated.set(market.conditionId, {
          fair: initialFairPrice(this.prng),
          dynamics: drawDynamics(this.prng),
          resolvesAtMs: spec.resolvesAfterMinutes === undefined ? null : spec.resolvesAfterMinutes * 60_000,
        });
      }
      this.moveSimulatedBooks();
    }
  }

  addMarket(spec: MarketSpec, book?: BookInput): Market {
    const title = spec.eventTitle ?? spec.question;
    const eventIndex = this.eventIndex.get(title) ?? this.eventIndex.size;
    this.eventIndex.set(title, eventIndex);
    const market = createMarket(spec, this.salt, this.state.markets.size, eventIndex);
    this.state.addMarket(market);
    if (book) this.setBook(market.tokens[0].tokenId, book);
    return market;
  }

  /**
   * Replaces the house liquidity of one token and mirrors it onto the other outcome (a bid for one at p is an
   * ask for the other at 1-p, as the real exchange's complementary matching makes it). Resting user orders
   * stay and fill if the new book crosses them.
   */
  setBook(tokenId: string, book: BookInput): void {
    const market = this.state.tokens.get(tokenId)?.market;
    if (!market) throw new Error(`no token ${tokenId}; use a tokenId from markets() or addMarket()`);
    const house = { bids: levels(book.bids), asks: levels(book.asks) };
    const other = market.tokens.find((token) => token.tokenId !== tokenId)?.tokenId ?? tokenId;
    this.replaceHouseBook(tokenId, house);
    this.replaceHouseBook(other, mirrorBook(house));
  }

  /**
   * Moves every simulated market `steps` steps of `stepMs` wall-clock time each (simulated-price-model.ts)
   * and resolves those whose time has come, YES winning with probability its fair price. The same seed
   * and steps give the same books.
   */
  advance(steps = 1): void {
    for (let i = 0; i < steps; i += 1) {
      this.elapsedMs += this.stepMs;
      for (const [conditionId, simulated] of this.simulated) {
        const market = this.state.markets.get(conditionId);
        if (!market || market.closed) continue;
        simulated.fair = moveFairPrice(
          simulated.fair,
          simulated.dynamics,
          this.stepMs,
          market.tickSize,
          this.prng,
        ).fair;
        if (simulated.resolvesAtMs !== null && this.elapsedMs >= simulated.resolvesAtMs) {
          const yesWins = this.prng.bigint(0n, MICROS - 1n) < simulated.fair;
          this.resolveMarket(conditionId, market.tokens[yesWins ? 0 : 1].tokenId);
        }
      }
      this.moveSimulatedBooks();
    }
  }

  resolveMarket(conditionId: string, winningOutcome: string): void {
    const market = this.state.markets.get(conditionId);
    if (!market)
      throw new Error(
        `no market ${conditionId}; use a conditionId returned by addMarket or listed by /markets`,
      );
    const winner = market.tokens.find(
      (token) => token.outcome === winningOutcome || token.tokenId === winningOutcome,
    );
    if (!winner)
      throw new Error(
        `"${winningOutcome}" is not an outcome of ${conditionId}; use ${market.tokens.map((t) => t.outcome).join(" or ")}`,
      );
    market.closed = true;
    market.winnerTokenId = winner.tokenId;
    for (const order of this.state.orders.values())
      if (order.market === conditionId && order.status === "LIVE") order.status = "CANCELED";
    for (const token of market.tokens) {
      this.state.mutateBook(token.tokenId, (book) => {
        book.bids.length = 0;
        book.asks.length = 0;
      });
      for (const account of this.state.accounts.values()) {
        const held = account.positions.get(token.tokenId) ?? 0n;
        // Winning shares redeem for 1 pUSD each; 1 micro-share pays 1 micro-USD.
        if (token.tokenId === winner.tokenId) account.balance += held;
        account.positions.set(token.tokenId, 0n);
      }
    }
    this.state.emit({ type: "resolved", market, winnerTokenId: winner.tokenId });
  }

  setTickSize(conditionId: string, tickSize: string): void {
    const market = this.state.markets.get(conditionId);
    if (!market || !(VALID_TICKS as readonly string[]).includes(tickSize)) {
      throw new Error(`setTickSize needs a known conditionId and one of ${VALID_TICKS.join(", ")}`);
    }
    const oldTick = market.tickSize;
    market.tickSize = price(tickSize);
    for (const token of market.tokens) {
      this.state.emit({ type: "tick_size", tokenId: token.tokenId, oldTick, newTick: market.tickSize });
    }
  }

  setBalance(address: string, amount: string): void {
    this.state.account(address).balance = usd(amount);
  }

  setAllowance(address: string, amount: string): void {
    this.state.account(address).allowance = usd(amount);
  }

  setPosition(address: string, tokenId: string, quantity: string): void {
    this.state.account(address).positions.set(tokenId, shares(quantity));
  }

  /** Expires GTD orders; called before each request so time-based state is current. */
  sweep(): void {
    expireOrders(this.state, Math.floor(this.now() / 1000));
  }

  private replaceHouseBook(tokenId: string, book: { bids: LevelInput[]; asks: LevelInput[] }): void {
    this.state.mutateBook(tokenId, (mutable) => {
      replaceHouse(mutable, "BUY", book.bids);
      replaceHouse(mutable, "SELL", book.asks);
    });
    const nowMs = this.now();
    fillCrossedRestingOrders(this.state, tokenId, nowMs, nowMs + this.tradeDelayMs);
    this.state.recordHistory(tokenId, Math.floor(nowMs / 1000));
  }

  private moveSimulatedBooks(): void {
    for (const [conditionId, { fair, dynamics }] of this.simulated) {
      const market = this.state.markets.get(conditionId);
      if (!market || market.closed) continue;
      const yes = houseBook(fair, market.tickSize, dynamics, this.prng);
      this.replaceHouseBook(market.tokens[0].tokenId, yes);
      this.replaceHouseBook(market.tokens[1].tokenId, mirrorBook(yes));
    }
  }
}
