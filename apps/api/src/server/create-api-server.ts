import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Connection, CredentialSealer } from "@open-trade/db";
import type { Llm } from "@open-trade/llm";
import type { MarketData } from "@open-trade/polymarket";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Authenticator } from "../auth/authenticator.ts";
import { type ApiDeps, createContext } from "../context.ts";
import { createChangeFeed } from "../live/change-feed.ts";
import { jsonLogger, type Logger } from "../logger.ts";
import { appRouter } from "../root.ts";
import { apiConfig } from "./api-config.ts";
import { createMetrics } from "./metrics.ts";
import { staticFiles } from "./static-files.ts";

export interface ApiServerOptions {
  /** An open database: the API only needs Drizzle and LISTEN, so the runner's connection can be shared. */
  readonly connection: Pick<Connection, "db" | "listen">;
  readonly auth: Authenticator;
  readonly llm: Llm;
  readonly marketData: MarketData;
  /** The runners' public key (OPEN_TRADE_CREDENTIAL_PUBLIC_KEY); the API holds nothing that opens a credential. */
  readonly sealer: CredentialSealer | null;
  /** A built web app to serve at every path the API does not own. */
  readonly webDist?: string;
  readonly log?: Logger;
  readonly clock?: { now(): Date };
}

export interface ApiServer {
  readonly server: Server;
  readonly deps: ApiDeps;
  /** Starts listening; resolves with the base URL (port 0 picks a free port). */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 256 * 1024;

/**
 * The API's HTTP server over an already-open database: /trpc (queries, mutations, SSE subscriptions),
 * /api/config, /.well-known/jwks.json (local mode), /healthz, /metrics and, when given, the web build.
 */
export async function createApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const log = options.log ?? jsonLogger();
  const changes = await createChangeFeed(options.connection.listen, log);
  const deps: ApiDeps = {
    db: options.connection.db,
    auth: options.auth,
    changes,
    llm: options.llm,
    marketData: options.marketData,
    sealer: options.sealer,
    clock: options.clock ?? { now: () => new Date() },
    log,
    metrics: createMetrics(),
  };
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: MAX_BODY_BYTES,
    createContext: ({ req }) => createContext(deps, req),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR" && !path)
        log.error("request.unrouted", { error: error.name });
    },
  });
  const web = options.webDist ? staticFiles(options.webDist) : null;
  const json = (res: ServerResponse, status: number, body: unknown) =>
    res
      .writeHead(status, { "content-type": "application/json", "cache-control": "no-store" })
      .end(JSON.stringify(body));

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/trpc" || path.startsWith("/trpc/")) return trpc(req, res);
    if (req.method !== "GET" && req.method !== "HEAD") return json(res, 405, { error: "Method not allowed" });
    if (path === "/healthz") return json(res, 200, { ok: true });
    if (path === "/api/config") return json(res, 200, apiConfig(deps.auth, deps.llm.model !== null));
    if (path === "/.well-known/jwks.json" && deps.auth.local) return json(res, 200, deps.auth.local.jwks());
    if (path === "/metrics") {
      return res.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(deps.metrics.render());
    }
    if (web) return web(req, res);
    return json(res, 404, { error: "Not found" });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      const requestId = randomUUID();
      log.error("http.failed", { requestId, path: (req.url ?? "").split("?")[0] });
      if (!res.headersSent)
        json(res, 500, { error: `Something went wrong on our side (request id ${requestId}).` });
      else res.end();
    });
  });

  return {
    server,
    deps,
    listen: (port, host = "127.0.0.1") =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const { port: bound } = server.address() as AddressInfo;
          resolve(`http://${host}:${bound}`);
        });
      }),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await changes.close();
    },
  };
}
