import { createHmac, timingSafeEqual } from "node:crypto";
import { EXCHANGE_MESSAGES, ExchangeError } from "./exchange-error.ts";
import { HEADER_TIME_TOLERANCE_S, type HeaderBag, header } from "./l1-auth.ts";
import type { ApiCredentials } from "./types.ts";

/** The L2 recipe (reference V1 §2.2): base64url(HMAC-SHA256(secret, ts + METHOD + path + rawBody)), '=' kept. */
export function polyHmac(
  secret: string,
  timestamp: string,
  method: string,
  path: string,
  body: string,
): string {
  const key = Buffer.from(secret.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return createHmac("sha256", key)
    .update(`${timestamp}${method}${path}${body}`)
    .digest("base64")
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
}

export interface L2Request {
  readonly headers: HeaderBag;
  readonly method: string;
  /** Path without the query string: the client signs the bare path. */
  readonly path: string;
  /** Exact request bytes: the HMAC covers them as sent, before any JSON parsing. */
  readonly rawBody: string;
}

/** Checks the five POLY_* L2 headers against a known API key; returns that key's credentials. */
export function verifyL2(
  request: L2Request,
  lookup: (apiKey: string) => ApiCredentials | undefined,
  nowSeconds: number,
): ApiCredentials {
  const reject = (): never => {
    throw new ExchangeError(401, EXCHANGE_MESSAGES.invalidApiKey);
  };
  const address = header(request.headers, "POLY_ADDRESS");
  const signature = header(request.headers, "POLY_SIGNATURE");
  const timestamp = header(request.headers, "POLY_TIMESTAMP");
  const apiKey = header(request.headers, "POLY_API_KEY");
  const passphrase = header(request.headers, "POLY_PASSPHRASE");
  if (!address || !signature || !timestamp || !apiKey || !passphrase || !/^\d+$/.test(timestamp))
    return reject();
  if (Math.abs(Number(timestamp) - nowSeconds) > HEADER_TIME_TOLERANCE_S) return reject();
  const creds = lookup(apiKey);
  if (!creds || creds.passphrase !== passphrase || creds.address !== address.toLowerCase()) return reject();
  const expected = Buffer.from(
    polyHmac(creds.secret, timestamp, request.method, request.path, request.rawBody),
  );
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return reject();
  return creds;
}
