// The stand-in's internal state. Amounts are bigint micro-units on the risk engine's scale (MICROS); ids are the strings the
// wire uses. Book levels are kept in Polymarket's wire order (bids ascending, asks descending), so the
// best price is always the last element and matching pops from the end.

export type Side = "BUY" | "SELL";
export type OrderType = "GTC" | "GTD" | "FOK" | "FAK";

export interface Outcome {
  readonly tokenId: string;
  readonly outcome: string;
}

export interface Market {
  readonly conditionId: string;
  readonly questionId: string;
  /** Gamma's numeric market id. */
  readonly gammaId: string;
  readonly slug: string;
  readonly question: string;
  readonly description: string;
  readonly category: string;
  readonly eventId: string;
  readonly eventTitle: string;
  readonly endDateIso: string;
  readonly negRisk: boolean;
  tickSize: bigint;
  readonly minOrderSize: bigint;
  readonly feeRateBps: number;
  readonly feeExponent: number;
  readonly tokens: readonly [Outcome, Outcome];
  closed: boolean;
  winnerTokenId: string | null;
}

/** One resting quantity at a price: a user's order, or the simulated house liquidity (orderId null). */
export interface BookEntry {
  readonly orderId: string | null;
  /** Lower-cased address of the account behind the entry; null for house liquidity. */
  readonly owner: string | null;
  size: bigint;
}

export interface Level {
  readonly price: bigint;
  entries: BookEntry[];
}

export interface TokenBook {
  bids: Level[];
  asks: Level[];
  lastTrade: { price: bigint; side: Side; size: bigint } | null;
}

export type OrderStatus = "LIVE" | "MATCHED" | "CANCELED" | "UNMATCHED";

export interface Order {
  readonly id: string;
  /** API key of the submitting account (the wire's `owner`). */
  readonly owner: string;
  readonly signer: string;
  readonly makerAddress: string;
  readonly market: string;
  readonly tokenId: string;
  readonly outcome: string;
  readonly side: Side;
  readonly orderType: OrderType;
  readonly price: bigint;
  readonly originalSize: bigint;
  sizeMatched: bigint;
  status: OrderStatus;
  readonly createdAt: number;
  readonly expiration: bigint;
  readonly associateTrades: string[];
}

export interface MakerFill {
  readonly orderId: string | null;
  readonly owner: string | null;
  readonly shares: bigint;
  readonly price: bigint;
}

export interface Trade {
  readonly id: string;
  readonly takerOrderId: string;
  readonly market: string;
  readonly assetId: string;
  readonly outcome: string;
  readonly side: Side;
  readonly size: bigint;
  readonly price: bigint;
  readonly feeRateBps: number;
  readonly matchTime: number;
  /** API key and address of the taker. */
  readonly owner: string;
  readonly takerAddress: string;
  readonly transactionHash: string;
  readonly makers: readonly (MakerFill & { readonly makerOrder: Order | null })[];
  /** Wall-clock ms from which /data/trades shows the trade (the late-trades fault delays it). */
  readonly visibleAt: number;
}

export interface Account {
  readonly address: string;
  balance: bigint;
  allowance: bigint;
  readonly positions: Map<string, bigint>;
}

export interface ApiCredentials {
  readonly apiKey: string;
  readonly secret: string;
  readonly passphrase: string;
  readonly address: string;
  readonly nonce: bigint;
}
