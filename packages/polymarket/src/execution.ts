import type { Price, Shares, Side, Usd } from "@open-trade/risk-engine";
import type { TokenId } from "./market-data.ts";

/** FOK/FAK take liquidity now (all-or-nothing / fill-and-kill); GTC/GTD rest (GTD until `expiresAt`). */
export type OrderType = "FOK" | "FAK" | "GTC" | "GTD";

export interface OrderRequest {
  readonly tokenId: TokenId;
  readonly side: Side;
  readonly shares: Shares;
  /** The worst price accepted; rounded onto the market's tick in the safe direction (BUY down, SELL up). */
  readonly limitPrice: Price;
  readonly type: OrderType;
  /** Required for GTD. */
  readonly expiresAt?: Date;
  /**
   * A resting order (GTC/GTD) that may only add liquidity: the exchange refuses it, trading nothing, when it
   * would cross the book. Refused for FOK/FAK, as the exchange refuses it.
   */
  readonly postOnly?: boolean;
}

/** Fix these to make the identity deterministic (e.g. derived from an evaluation id), so a retry re-derives it. */
export interface PrepareOptions {
  readonly salt?: bigint;
  readonly timestampMs?: number;
}

/**
 * An order with its identity fixed before anything is sent. Plain JSON-safe data (strings and numbers)
 * so a caller can write it ahead to a ledger, and submit this same object again on a retry.
 */
export interface PreparedOrder {
  readonly orderId: string;
  readonly mode: "paper" | "live";
  readonly tokenId: TokenId;
  readonly side: Side;
  readonly type: OrderType;
  /** Decimal strings after tick and size rounding: exactly what will be submitted. */
  readonly shares: string;
  readonly limitPrice: string;
  readonly expiresAt: number | null;
  readonly negRisk: boolean;
  /** Sent as POST /order's `postOnly`; absent (as in orders prepared before it existed) is false. */
  readonly postOnly?: boolean;
  /** The signed order body (live) or the canonical request (paper). */
  readonly payload: Readonly<Record<string, unknown>>;
}

export const EXECUTION_FAILURE_CODES = [
  "LIQUIDITY_KILL",
  "SLIPPAGE",
  "RATE_LIMITED",
  "AUTH",
  "INSUFFICIENT_BALANCE",
  "EXCHANGE_UNAVAILABLE",
  "AMBIGUOUS",
  "DUPLICATE",
  "INVALID_ORDER",
] as const;

export type ExecutionFailureCode = (typeof EXECUTION_FAILURE_CODES)[number];

export interface ExecutionFailure {
  readonly code: ExecutionFailureCode;
  /** Says what went wrong and what to do; never contains a key, secret or passphrase. */
  readonly message: string;
  /** RATE_LIMITED only. */
  readonly retryAfterMs?: number;
}

export type OrderStatus = "matched" | "live" | "delayed";

export type OrderOutcome =
  | {
      readonly ok: true;
      readonly orderId: string;
      readonly status: OrderStatus;
      /** Filled at submission time (resting fills show up later in `trades`). */
      readonly filled: Shares;
      /** USD that changed hands for that fill, fees included: paid on a BUY, received on a SELL. */
      readonly usd: Usd;
      /** The fee within `usd`; null when the exchange does not break it out (live: see `trades`). */
      readonly fee: Usd | null;
      /**
       * Volume-weighted price of that fill before fees, summed exactly over the levels taken and rounded
       * against the taker once; null when the exchange reports only totals (live), where the price can
       * only be derived from the rounded `usd`.
       */
      readonly price: Price | null;
      readonly tradeIds: readonly string[];
    }
  | { readonly ok: false; readonly orderId: string; readonly failure: ExecutionFailure };

export interface OpenOrder {
  readonly orderId: string;
  readonly tokenId: TokenId;
  readonly side: Side;
  readonly price: Price;
  readonly originalShares: Shares;
  readonly matchedShares: Shares;
  readonly type: OrderType;
  readonly expiresAt: number | null;
}

export interface Fill {
  readonly tradeId: string;
  readonly orderId: string;
  readonly tokenId: TokenId;
  readonly side: Side;
  readonly price: Price;
  readonly shares: Shares;
  /** Null when the exchange does not report the fee per trade. */
  readonly fee: Usd | null;
  /** Unix milliseconds. */
  readonly at: number;
}

export interface CancelOutcome {
  readonly canceled: readonly string[];
  readonly notCanceled: Readonly<Record<string, string>>;
}

export interface Balance {
  readonly collateral: Usd;
  /** Spender address -> allowance (live); paper reports its cash as the single allowance "paper". */
  readonly allowances: Readonly<Record<string, Usd>>;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failure: ExecutionFailure };

/** The one way bots trade. Paper and live implement it identically; only `mode` tells them apart. */
export interface Execution {
  readonly mode: "paper" | "live";
  prepareOrder(request: OrderRequest, options?: PrepareOptions): Promise<Result<PreparedOrder>>;
  submitOrder(order: PreparedOrder): Promise<OrderOutcome>;
  cancelOrder(orderId: string): Promise<Result<CancelOutcome>>;
  openOrders(filter?: { readonly tokenId?: TokenId }): Promise<Result<OpenOrder[]>>;
  trades(filter?: { readonly tokenId?: TokenId; readonly orderId?: string }): Promise<Result<Fill[]>>;
  balance(): Promise<Result<Balance>>;
}
