/** Stable codes so callers branch on `.code`, never on message text. */
export const POLYMARKET_ERROR_CODES = [
  "MALFORMED_RESPONSE",
  "NOT_FOUND",
  "RATE_LIMITED",
  "UNAVAILABLE",
  "BAD_REQUEST",
  "INVALID_INPUT",
] as const;

export type PolymarketErrorCode = (typeof POLYMARKET_ERROR_CODES)[number];

/** A market-data or feed failure. Execution outcomes are returned as values instead (see execution.ts). */
export class PolymarketError extends Error {
  override readonly name = "PolymarketError";
  constructor(
    readonly code: PolymarketErrorCode,
    message: string,
    readonly details: {
      readonly field?: string;
      readonly status?: number;
      readonly retryAfterMs?: number;
    } = {},
  ) {
    super(message);
  }
}
