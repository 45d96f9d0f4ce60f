import type { AddressInfo } from "node:net";
import { formatMicros } from "@open-trade/risk-engine";
import { clobAuthRoutes } from "./clob-auth-routes.ts";
import { clobPublicRoutes } from "./clob-public-routes.ts";
import { openOrder, tradeFor } from "./clob-shapes.ts";
import { clobTradingRoutes } from "./clob-trading-routes.ts";
import { type BookInput, ExchangeCore } from "./exchange-core.ts";
import { FaultBoard, type FaultSpec } from "./faults.ts";
import { GAMMA_PREFIX, gammaRoutes } from "./gamma-routes.ts";
import { createHttpServer, type RequestLogEntry } from "./http-server.ts";
import type { MarketSpec } from "./market-factory.ts";
import { wireLevels } from "./order-book.ts";
import { createRouter } from "./router.ts";
import type { Market } from "./types.ts";
import { MarketChannel } from "./ws-market-channel.ts";

export interface StandInOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly host?: "127.0.0.1";
  /** Seeds the simulated markets' ids and book movements (default 1). */
  readonly seed?: number;
  /** Create the seeded "[Simulated]" markets (default true). Tests that add their own markets can turn it off. */
  readonly simulate?: boolean;
  /**
   * Advance the simulation one step every tickMs on a timer (default: only when `advance` is called). A
   * step stands for tickMs of market time (5 s without a timer), so prices move per wall-clock time.
   */
  readonly tickMs?: number;
  /** Collateral every new account starts with, in pUSD (default "1000"). */
  readonly defaultBalance?: string;
  /** Wall clock in ms, replaceable in tests (default Date.now). */
  readonly now?: () => number;
}

/** A market as the test API reports it: ids to use against the wire, and its outcome tokens. */
export interface StandInMarket {
  readonly conditionId: string;
  readonly question: string;
  readonly category: string;
  readonly negRisk: boolean;
  readonly tickSize: string;
  /** True once resolveMarket has run; a snapshot, so call markets() again to see later changes. */
  readonly closed: boolean;
  readonly tokens: readonly { readonly tokenId: string; readonly outcome: string }[];
}

export interface StandInExchange {
  /** CLOB REST base (pass as `host` to ClobClient). */
  readonly clobUrl: string;
  /** Gamma base; the stand-in serves it under /gamma on the same port. */
  readonly gammaUrl: string;
  /** WebSocket base like wss://ws-subscriptions-clob.polymarket.com; the market channel is `${wsUrl}/ws/market`. */
  readonly wsUrl: string;
  close(): Promise<void>;
  markets(): StandInMarket[];
  addMarket(spec: MarketSpec, book?: BookInput): StandInMarket;
  /** Replaces the simulated liquidity of one token (levels in any order); user orders stay and may fill. */
  setBook(tokenId: string, book: BookInput): void;
  /** Moves every simulated market `steps` steps (each tickMs, default 5 s, of market time); deterministic for a seed. */
  advance(steps?: number): void;
  resolveMarket(conditionId: string, winningOutcome: string): void;
  setTickSize(conditionId: string, tickSize: string): void;
  setBalance(address: string, usd: string): void;
  setAllowance(address: string, usd: string): void;
  setPosition(address: string, tokenId: string, shares: string): void;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  /** Inspection for tests, in wire shapes (decimal strings). */
  readonly inspect: {
    /** The last answered HTTP requests (hung ones never answer), oldest first. */
    requests(): RequestLogEntry[];
    orders(): ReturnType<typeof openOrder>[];
    trades(): ReturnType<typeof tradeFor>[];
    balance(address: string): { usd: string; positions: Record<string, string> };
    book(tokenId: string): {
      bids: { price: string; size: string }[];
      asks: { price: string; size: string }[];
    };
  };
}

const REQUEST_LOG_LIMIT = 10_000;

const describe = (market: Market): StandInMarket => ({
  conditionId: market.conditionId,
  question: market.question,
  category: market.category,
  negRisk: market.negRisk,
  tickSize: formatMicros(market.tickSize),
  closed: market.closed,
  tokens: market.tokens.map((token) => ({ tokenId: token.tokenId, outcome: token.outcome })),
});

/** Starts the stand-in Polymarket exchange on 127.0.0.1 (CLOB V2 REST, Gamma, market WebSocket). */
export async function startStandInExchange(options: StandInOptions = {}): Promise<StandInExchange> {
  const now = options.now ?? Date.now;
  const core = new ExchangeCore({
    seed: options.seed ?? 1,
    simulate: options.simulate ?? true,
    chainId: 137,
    defaultBalance: options.defaultBalance ?? "1000",
    now,
    ...(options.tickMs ? { stepMs: options.tickMs } : {}),
  });
  const { state } = core;
  const faults = new FaultBoard();
  const channel = new MarketChannel(state, now);
  const route = createRouter(
    [
      ...clobPublicRoutes(core, now),
      ...clobAuthRoutes(state, core.salt),
      ...clobTradingRoutes(core, now),
      ...gammaRoutes(state),
    ],
    {
      chainId: core.chainId,
      nowSeconds: () => Math.floor(now() / 1000),
      lookupKey: (key) => state.credentials.get(key),
    },
  );
  const requests: RequestLogEntry[] = [];
  const { server, destroyConnections } = createHttpServer({
    route,
    faults,
    channel,
    beforeRequest: () => core.sweep(),
    onAnswered: (entry) => {
      if (requests.length === REQUEST_LOG_LIMIT) requests.shift();
      requests.push(entry);
    },
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const timer = options.tickMs ? setInterval(() => core.advance(1), options.tickMs) : undefined;
  const market = (conditionId: string) => {
    const found = state.markets.get(conditionId);
    if (!found) throw new Error(`no market ${conditionId}`);
    return found;
  };

  return {
    clobUrl: `http://${host}:${port}`,
    gammaUrl: `http://${host}:${port}${GAMMA_PREFIX}`,
    wsUrl: `ws://${host}:${port}`,
    close: async () => {
      if (timer) clearInterval(timer);
      channel.close();
      destroyConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    markets: () => [...state.markets.values()].map(describe),
    addMarket: (spec, book) => describe(core.addMarket(spec, book)),
    setBook: (tokenId, book) => core.setBook(tokenId, book),
    advance: (steps) => core.advance(steps),
    resolveMarket: (conditionId, outcome) => core.resolveMarket(market(conditionId).conditionId, outcome),
    setTickSize: (conditionId, tick) => core.setTickSize(conditionId, tick),
    setBalance: (address, usd) => core.setBalance(address, usd),
    setAllowance: (address, usd) => core.setAllowance(address, usd),
    setPosition: (address, tokenId, shares) => core.setPosition(address, tokenId, shares),
    injectFault: (fault) => {
      if (fault.kind === "late-trades") core.tradeDelayMs = fault.delayMs;
      else if (fault.kind === "drop-websocket") channel.dropAll();
      else faults.add(fault);
    },
    clearFaults: () => {
      faults.clear();
      core.tradeDelayMs = 0;
    },
    inspect: {
      requests: () => [...requests],
      orders: () => [...state.orders.values()].map(openOrder),
      trades: () => state.trades.map((trade) => tradeFor(trade, trade.takerAddress)),
      balance: (address) => {
        const account = state.account(address);
        const positions = Object.fromEntries(
          [...account.positions].map(([id, shares]) => [id, formatMicros(shares)]),
        );
        return { usd: formatMicros(account.balance), positions };
      },
      book: (tokenId) => {
        const book = state.book(tokenId);
        return { bids: wireLevels(book.bids), asks: wireLevels(book.asks) };
      },
    },
  };
}
