/**
 * A rejection in the exchange's own shape: the HTTP status plus `{"error": message}` (reference V1 §1, §9).
 * `extra` carries the additional body fields some errors have (e.g. `retry_after_seconds`).
 */
export class ExchangeError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "ExchangeError";
  }
}

/** Messages the real exchange uses, copied so clients that match on them keep working. */
export const EXCHANGE_MESSAGES = {
  invalidL1: "Invalid L1 Request headers",
  invalidApiKey: "Unauthorized/Invalid api key",
  couldNotCreateKey: "Could not create api key",
  couldNotDeriveKey: "Could not derive api key!",
  invalidPayload: "Invalid order payload",
  versionMismatch: "order_version_mismatch",
  ownerMismatch: "the order owner has to be the owner of the API KEY",
  signerMismatch: "the order signer address has to be the address of the API KEY",
  invalidSignature: "invalid signature",
  notEnoughBalance: "not enough balance / allowance",
  invalidExpiration: "invalid expiration",
  fokNotFilled: "order couldn't be fully filled. FOK orders are fully filled or killed.",
  fakNoMatch:
    "no orders found to match with FAK order. FAK orders are partially filled or killed if no match is found.",
  postOnlyCrosses: "invalid post-only order: order crosses book",
  postOnlyType: "invalid post-only order: only GTC and GTD order types are allowed",
  marketClosed: "the market is not yet ready to process new orders",
  invalidTokenId: "Invalid token id",
  noOrderbook: "No orderbook exists for the requested token id",
  marketNotFound: "market not found",
  orderNotFound: "order not found",
  invalidSide: "Invalid side",
  invalidAssetType: "Invalid asset type",
  tooManyRequests: "Too Many Requests",
  internal: "Internal server error",
  unavailable: "Trading is currently disabled. Check polymarket.com for updates",
  notFoundPrefix: "not found:",
} as const;

export const duplicatedOrder = (orderId: string): string => `order ${orderId} is invalid. Duplicated.`;
export const breaksTick = (orderId: string, price: string, tick: string): string =>
  `order ${orderId} is invalid. Price (${price}) breaks minimum tick size rule: ${tick}`;
export const belowMinSize = (orderId: string, size: string, min: string): string =>
  `order ${orderId} is invalid. Size (${size}) lower than the minimum: ${min}`;
