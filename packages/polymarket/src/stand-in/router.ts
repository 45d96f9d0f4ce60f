import { EXCHANGE_MESSAGES, ExchangeError } from "./exchange-error.ts";
import { type HeaderBag, verifyL1 } from "./l1-auth.ts";
import { verifyL2 } from "./l2-auth.ts";
import type { ApiCredentials } from "./types.ts";

export interface RequestContext {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly rawBody: string;
  readonly headers: HeaderBag;
  readonly params: Readonly<Record<string, string>>;
  /** Set on L2 routes: the verified API key's credentials. */
  readonly creds: ApiCredentials;
  /** Set on L1 routes: the verified wallet and nonce. */
  readonly l1: { readonly address: string; readonly nonce: bigint };
}

export interface Route {
  readonly method: "GET" | "POST" | "DELETE";
  /** Path with `:name` segments, e.g. "/data/order/:id". */
  readonly path: string;
  readonly auth?: "l1" | "l2";
  readonly handle: (context: RequestContext) => unknown;
}

export interface RouterDeps {
  readonly chainId: number;
  readonly nowSeconds: () => number;
  readonly lookupKey: (apiKey: string) => ApiCredentials | undefined;
}

export type IncomingRequest = Omit<RequestContext, "params" | "creds" | "l1">;

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const segment = want[i] as string;
    const actual = got[i] as string;
    if (segment.startsWith(":")) {
      if (actual === "") return null;
      params[segment.slice(1)] = decodeURIComponent(actual);
    } else if (segment !== actual) return null;
  }
  return params;
}

const unusedL1 = { address: "", nonce: 0n };
const unusedCreds: ApiCredentials = { apiKey: "", secret: "", passphrase: "", address: "", nonce: 0n };

/** Finds the route, checks its auth level, and returns the handler's body; throws ExchangeError otherwise. */
export function createRouter(routes: readonly Route[], deps: RouterDeps) {
  return async (request: IncomingRequest): Promise<unknown> => {
    for (const route of routes) {
      if (route.method !== request.method) continue;
      const params = matchPath(route.path, request.path);
      if (!params) continue;
      const now = deps.nowSeconds();
      const l1 = route.auth === "l1" ? await verifyL1(request.headers, deps.chainId, now) : unusedL1;
      const creds = route.auth === "l2" ? verifyL2(request, deps.lookupKey, now) : unusedCreds;
      return route.handle({ ...request, params, l1, creds });
    }
    throw new ExchangeError(404, `${EXCHANGE_MESSAGES.notFoundPrefix} ${request.method} ${request.path}`);
  };
}

/** Parses a JSON request body, answering the exchange's payload error when it is not JSON. */
export function jsonBody(
  context: RequestContext,
  message: string = EXCHANGE_MESSAGES.invalidPayload,
): unknown {
  try {
    return JSON.parse(context.rawBody);
  } catch {
    throw new ExchangeError(400, message);
  }
}
