import type { ExecutionFailure, ExecutionFailureCode } from "./execution.ts";
import { PolymarketError } from "./polymarket-error.ts";
import { retryAfterMs } from "./retry-after.ts";

const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

/** What came back from one request to the CLOB, reduced to what classification needs. */
export type ClobReply =
  /** The request never left (connection refused, DNS): nothing can have happened. */
  | { readonly kind: "not-sent"; readonly detail: string }
  /** Sent, but no answer arrived (timeout, reset): the exchange may or may not have acted. */
  | { readonly kind: "no-answer"; readonly detail: string }
  | {
      readonly kind: "http";
      readonly status: number;
      readonly error: string;
      readonly retryAfterMs: number | null;
    };

const RULES: ReadonlyArray<readonly [RegExp, ExecutionFailureCode]> = [
  [/couldn't be fully filled|no orders found to match/i, "LIQUIDITY_KILL"],
  [/not enough balance|allowance/i, "INSUFFICIENT_BALANCE"],
  [/duplicated/i, "DUPLICATE"],
  [
    /unauthorized|invalid api key|invalid l1|invalid signature|has to be the (owner|address)|api key|banned|closed only/i,
    "AUTH",
  ],
  [/trading is currently (disabled|cancel-only)|not yet ready|match delayed/i, "EXCHANGE_UNAVAILABLE"],
];

const ADVICE: Record<ExecutionFailureCode, string> = {
  LIQUIDITY_KILL: "Nothing was traded; the book could not fill it at the limit price.",
  SLIPPAGE: "Nothing was traded; the market moved past the limit price.",
  RATE_LIMITED: "Nothing was traded; wait and retry.",
  AUTH: "Nothing was traded; check the wallet key and API credentials (re-derive them if they were revoked).",
  INSUFFICIENT_BALANCE: "Nothing was traded; fund the wallet or approve the exchange, then retry.",
  EXCHANGE_UNAVAILABLE: "Nothing was traded; retry when the exchange is back.",
  AMBIGUOUS:
    "The order may or may not have been placed; resubmit the SAME prepared order (it is recognised as a duplicate if it went through) or look it up by id.",
  DUPLICATE: "The exchange already has this order; look it up by id instead of placing it again.",
  INVALID_ORDER: "Nothing was traded; fix the order and prepare it again.",
};

/**
 * Classifies a failed CLOB request. `placing` marks POST /order, where a lost answer or any 5xx leaves the
 * outcome unknown (AMBIGUOUS) rather than failed.
 */
export function classifyClobFailure(reply: ClobReply, placing: boolean): ExecutionFailure {
  const failure = (code: ExecutionFailureCode, said: string, extra: { retryAfterMs?: number } = {}) => ({
    code,
    message: `${ADVICE[code]}${said ? ` Exchange said: ${said}` : ""}`,
    ...extra,
  });
  if (reply.kind === "not-sent") return failure("EXCHANGE_UNAVAILABLE", reply.detail);
  if (reply.kind === "no-answer")
    return failure(placing ? "AMBIGUOUS" : "EXCHANGE_UNAVAILABLE", reply.detail);
  const { status, error } = reply;
  if (status === 429)
    return failure(
      "RATE_LIMITED",
      error,
      reply.retryAfterMs === null ? {} : { retryAfterMs: reply.retryAfterMs },
    );
  // A 5xx on POST /order may come from a gateway after the exchange placed or filled the order, whatever
  // its body says, so only a lookup can tell.
  if (placing && status >= 500) return failure("AMBIGUOUS", error);
  const matched = RULES.find(([pattern]) => pattern.test(error));
  if (matched) return failure(matched[1], error);
  if (status === 401 || status === 403) return failure("AUTH", error);
  if (status === 425 || status >= 500) return failure("EXCHANGE_UNAVAILABLE", error);
  return failure("INVALID_ORDER", error);
}

/** A thrown SDK error or fetch failure, reduced to what classification needs. */
export function replyOfError(error: unknown): ClobReply {
  // The official client's ApiError carries the HTTP status and body; it is recognised by shape so that
  // this module stays free of the vendor import.
  const api = error as { status?: unknown; data?: unknown };
  if (error instanceof Error && typeof api.status === "number") {
    return {
      kind: "http",
      status: api.status,
      error: error.message,
      retryAfterMs: retryAfterMs(null, api.data, Date.now()),
    };
  }
  const code =
    (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code ?? "";
  const detail = error instanceof Error ? error.message : "request failed";
  return NOT_SENT.has(code) ? { kind: "not-sent", detail: code } : { kind: "no-answer", detail };
}

/** A market-data failure met while preparing an order, as an execution failure. */
export function failureFromDataError(error: unknown): ExecutionFailure {
  if (error instanceof PolymarketError) {
    const code =
      error.code === "RATE_LIMITED"
        ? "RATE_LIMITED"
        : error.code === "NOT_FOUND"
          ? "INVALID_ORDER"
          : "EXCHANGE_UNAVAILABLE";
    return {
      code,
      message: error.message,
      ...(error.details.retryAfterMs === undefined ? {} : { retryAfterMs: error.details.retryAfterMs }),
    };
  }
  throw error;
}
