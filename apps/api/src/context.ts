import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { CredentialSealer, Database } from "@open-trade/db";
import type { Llm } from "@open-trade/llm";
import type { MarketData } from "@open-trade/polymarket";
import type { Authenticator, VerifiedUser } from "./auth/authenticator.ts";
import type { ChangeFeed } from "./live/change-feed.ts";
import type { Logger } from "./logger.ts";
import type { Metrics } from "./server/metrics.ts";

/** What every request shares: one per process. */
export interface ApiDeps {
  readonly db: Database;
  readonly auth: Authenticator;
  readonly changes: ChangeFeed;
  readonly llm: Llm;
  readonly marketData: MarketData;
  /** The runners' public key: seals credentials, cannot open them. Null when not configured (storing says why). */
  readonly sealer: CredentialSealer | null;
  readonly clock: { now(): Date };
  readonly log: Logger;
  readonly metrics: Metrics;
}

export interface Context {
  readonly deps: ApiDeps;
  readonly requestId: string;
  readonly clientAddress: string;
  /** Null for an anonymous request or one whose token did not verify (`authFailure` says why). */
  readonly user: VerifiedUser | null;
  readonly authFailure: string | null;
}

/** The context without HTTP: tests and in-process callers give the user directly. */
export function createContextInner(opts: {
  readonly deps: ApiDeps;
  readonly user?: VerifiedUser | null;
  readonly authFailure?: string | null;
  readonly requestId?: string;
  readonly clientAddress?: string;
}): Context {
  return {
    deps: opts.deps,
    requestId: opts.requestId ?? randomUUID(),
    clientAddress: opts.clientAddress ?? "in-process",
    user: opts.user ?? null,
    authFailure: opts.authFailure ?? null,
  };
}

/** The HTTP context: the user comes only from a verified bearer token in the Authorization header. */
export async function createContext(deps: ApiDeps, req: IncomingMessage): Promise<Context> {
  const clientAddress = req.socket.remoteAddress ?? "unknown";
  const header = req.headers.authorization;
  if (!header) return createContextInner({ deps, clientAddress });
  const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header)?.[1];
  if (!token) {
    return createContextInner({
      deps,
      clientAddress,
      authFailure: "The Authorization header must be 'Bearer <token>'.",
    });
  }
  const verified = await deps.auth.verify(token);
  return verified.ok
    ? createContextInner({ deps, clientAddress, user: verified.user })
    : createContextInner({ deps, clientAddress, authFailure: verified.reason });
}
