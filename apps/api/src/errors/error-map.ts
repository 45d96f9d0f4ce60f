import { CredentialError, sqlErrorInfo } from "@open-trade/db";
import { ModelCallError } from "@open-trade/llm";
import { PolymarketError, type PolymarketErrorCode } from "@open-trade/polymarket";
import { MoneyError } from "@open-trade/risk-engine";
import { type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { ApiError, type ApiErrorKind } from "./api-error.ts";

/** What a client may see of an error: a code, a message written for a trader, and structured details. */
export interface PublicError {
  readonly code: TRPC_ERROR_CODE_KEY;
  readonly message: string;
  readonly fieldErrors?: Readonly<Record<string, readonly string[]>>;
  readonly reasons?: readonly { readonly code: string; readonly message: string }[];
}

const KIND_CODES: Record<ApiErrorKind, TRPC_ERROR_CODE_KEY> = {
  INVALID_SETTINGS: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHORIZED",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  CONFLICT: "CONFLICT",
  PRECONDITION: "PRECONDITION_FAILED",
  TIER_LIMIT: "FORBIDDEN",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

// SQLSTATEs a trader can cause and understand. Our own OT codes carry messages written for people.
const SQLSTATES: Record<string, { code: TRPC_ERROR_CODE_KEY; message: string | null }> = {
  OT001: {
    code: "FORBIDDEN",
    message: "The trade ledger cannot be changed; record a correcting trade instead.",
  },
  OT002: { code: "FORBIDDEN", message: null },
  "23505": { code: "CONFLICT", message: "That already exists." },
  "23503": { code: "CONFLICT", message: "That refers to something that does not exist or is still in use." },
  "23514": { code: "BAD_REQUEST", message: "A value is outside what is allowed" },
  "22P02": { code: "BAD_REQUEST", message: "A value has the wrong format." },
  "22003": { code: "BAD_REQUEST", message: "A number is too large." },
  // PostgreSQL text and jsonb cannot hold U+0000: "invalid byte sequence" (text) or "unsupported Unicode escape" (jsonb).
  "22021": { code: "BAD_REQUEST", message: "Text cannot contain the NUL character (U+0000)." },
  "22P05": { code: "BAD_REQUEST", message: "Text cannot contain the NUL character (U+0000)." },
  "42501": { code: "FORBIDDEN", message: "You are not allowed to do that." },
};

const CREDENTIAL_CODES: Record<string, { code: TRPC_ERROR_CODE_KEY; message: string | null }> = {
  PLAINTEXT_INVALID: { code: "BAD_REQUEST", message: null },
  KEY_MISSING: {
    code: "PRECONDITION_FAILED",
    message: "This server cannot store credentials yet: its operator has not configured the sealing key.",
  },
};

// Market data failures: the trader's mistake (no such market) is a 4xx; Polymarket's trouble is a 502/503.
const MARKET_CODES: Record<PolymarketErrorCode, PublicError> = {
  NOT_FOUND: { code: "NOT_FOUND", message: "No such market on Polymarket." },
  INVALID_INPUT: { code: "BAD_REQUEST", message: "That is not a Polymarket market id." },
  BAD_REQUEST: { code: "BAD_REQUEST", message: "Polymarket refused that request; check the market id." },
  RATE_LIMITED: {
    code: "TOO_MANY_REQUESTS",
    message: "Polymarket is rate-limiting us; try again in a minute.",
  },
  UNAVAILABLE: {
    code: "SERVICE_UNAVAILABLE",
    message: "Polymarket market data is unavailable right now; try again shortly.",
  },
  MALFORMED_RESPONSE: {
    code: "BAD_GATEWAY",
    message: "Polymarket answered with data we could not read; try again shortly.",
  },
};

/**
 * The one error map: every error a procedure can raise becomes one tRPC code and a message a trader understands.
 * Returns null for an error nobody anticipated, which the caller logs and answers as INTERNAL_SERVER_ERROR.
 * Messages never carry SQL text, a stack, a parameter value or a secret.
 */
export function toPublicError(error: unknown): PublicError | null {
  if (error instanceof TRPCError) {
    // tRPC wraps anything a procedure throws as INTERNAL_SERVER_ERROR with the original as its cause.
    if (error.code === "INTERNAL_SERVER_ERROR") return error.cause ? toPublicError(error.cause) : null;
    if (error.cause instanceof ZodError) return fromZod(error.cause);
    return { code: error.code, message: error.message };
  }
  if (error instanceof ApiError)
    return { code: KIND_CODES[error.kind], message: error.message, ...error.details };
  if (error instanceof ZodError) return fromZod(error);
  if (error instanceof MoneyError) return { code: "BAD_REQUEST", message: error.message };
  if (error instanceof CredentialError) {
    const known = CREDENTIAL_CODES[error.code];
    if (!known) return null;
    return { code: known.code, message: known.message ?? error.message };
  }
  if (error instanceof ModelCallError) {
    return {
      code: "SERVICE_UNAVAILABLE",
      message: "The model provider did not answer; try again in a minute.",
    };
  }
  if (error instanceof PolymarketError) return MARKET_CODES[error.code];
  const info = sqlErrorInfo(error) ?? sqlErrorInfo((error as { cause?: unknown } | null)?.cause);
  if (info) {
    const known = SQLSTATES[info.code];
    if (!known) return null;
    if (known.message === null) return { code: known.code, message: info.message };
    const which = info.code === "23514" && info.constraint ? ` (${info.constraint}).` : "";
    return { code: known.code, message: `${known.message}${which}` };
  }
  return null;
}

function fromZod(error: ZodError): PublicError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "input";
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
  }
  const fields = Object.keys(fieldErrors);
  return { code: "BAD_REQUEST", message: `Check ${fields.join(", ")}: ${firstMessage(error)}`, fieldErrors };
}

function firstMessage(error: ZodError): string {
  return error.issues[0]?.message ?? "invalid input";
}
