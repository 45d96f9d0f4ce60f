import type { OrderBook, Price, Shares, Side, Usd } from "@open-trade/risk-engine";

/** A CLOB outcome token id: a uint256 written in decimal. */
export type TokenId = string;

export interface MarketOutcome {
  readonly outcome: string;
  readonly tokenId: TokenId;
  /** Gamma's indicative price; null when the market does not publish one. */
  readonly price: Price | null;
}

export interface Market {
  readonly id: string;
  readonly conditionId: string;
  readonly question: string;
  readonly slug: string;
  readonly category: string | null;
  readonly tags: readonly string[];
  readonly outcomes: readonly MarketOutcome[];
  readonly active: boolean;
  readonly closed: boolean;
  readonly acceptingOrders: boolean;
  readonly negRisk: boolean;
  readonly endDate: Date | null;
  readonly liquidity: Usd;
  readonly volume: Usd;
  readonly tickSize: Price | null;
  readonly minOrderSize: Shares | null;
}

export interface MarketFilter {
  readonly active?: boolean;
  /** Matches the market's category or any of its tags, case-insensitively. */
  readonly categories?: readonly string[];
  readonly tags?: readonly string[];
  readonly minLiquidity?: Usd;
  /** Only markets that resolve no later than `now + resolvesWithinMs` (and not already past). */
  readonly resolvesWithinMs?: number;
  /** Case-insensitive substring of question or slug. */
  readonly text?: string;
  readonly limit?: number;
  readonly now: Date;
}

/** A book for one token, levels in Polymarket's wire order (best price is the LAST element). */
export interface TokenBook extends OrderBook {
  readonly tokenId: TokenId;
  readonly conditionId: string;
  /** Exchange timestamp in milliseconds. */
  readonly timestamp: number;
  readonly hash: string;
}

export interface Quote {
  readonly tokenId: TokenId;
  readonly midpoint: Price | null;
  readonly spread: Price | null;
  readonly lastTrade: { readonly price: Price; readonly side: Side } | null;
}

export interface PricePoint {
  /** Unix seconds. */
  readonly t: number;
  readonly price: Price;
}

export type PriceHistoryRange =
  | { readonly interval: "1m" | "1h" | "6h" | "1d" | "1w" | "max"; readonly fidelityMinutes?: number }
  | { readonly startTs: number; readonly endTs: number; readonly fidelityMinutes?: number };

/** Trading parameters the order flow needs (CLOB `/clob-markets`). */
export interface MarketParams {
  readonly conditionId: string;
  readonly tickSize: Price;
  readonly minOrderSize: Shares;
  readonly negRisk: boolean;
  /** Polymarket fee: fee = shares * rate * (p * (1 - p))^exponent; rateBps = rate * 10_000. */
  readonly fee: { readonly rateBps: number; readonly exponent: number };
}

export type ResolutionStatus =
  | { readonly state: "open"; readonly conditionId: string }
  | { readonly state: "closed"; readonly conditionId: string }
  | { readonly state: "resolved"; readonly conditionId: string; readonly winningTokenId: TokenId };

/** What bots see of Polymarket; implemented over HTTP (Gamma + CLOB) and usable against the stand-in. */
export interface MarketData {
  listMarkets(filter: MarketFilter): Promise<Market[]>;
  getMarket(conditionId: string): Promise<Market>;
  getOrderBook(tokenId: TokenId): Promise<TokenBook>;
  getOrderBooks(tokenIds: readonly TokenId[]): Promise<TokenBook[]>;
  getQuote(tokenId: TokenId): Promise<Quote>;
  getPriceHistory(tokenId: TokenId, range: PriceHistoryRange): Promise<PricePoint[]>;
  getMarketParams(tokenId: TokenId): Promise<MarketParams>;
  getResolution(conditionId: string): Promise<ResolutionStatus>;
}
