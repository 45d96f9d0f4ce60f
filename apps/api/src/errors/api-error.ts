/** What went wrong, in terms the error map turns into one tRPC code and a trader-readable message. */
export type ApiErrorKind =
  | "INVALID_SETTINGS"
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "RATE_LIMITED"
  | "CONFLICT"
  | "PRECONDITION"
  | "TIER_LIMIT"
  | "UNAVAILABLE";

/** A refusal the trader can act on. `fieldErrors` name each wrong field; `reasons` list unmet conditions. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: {
      readonly fieldErrors?: Readonly<Record<string, readonly string[]>>;
      readonly reasons?: readonly { readonly code: string; readonly message: string }[];
    } = {},
  ) {
    super(message);
  }
}
