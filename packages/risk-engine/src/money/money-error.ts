/** Stable codes so callers branch on `.code`, never on message text. */
export const MONEY_ERROR_CODES = [
  "EMPTY",
  "NOT_A_DECIMAL",
  "TOO_MANY_DECIMALS",
  "OUT_OF_RANGE",
  "INVALID_TICK",
] as const;

export type MoneyErrorCode = (typeof MONEY_ERROR_CODES)[number];

export class MoneyError extends Error {
  override readonly name = "MoneyError";
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
  }
}
