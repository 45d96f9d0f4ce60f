import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Metrics } from "./metrics.ts";

export interface HealthReport {
  readonly ok: boolean;
  /** Named checks, each with a short status; never a secret or a stack. */
  readonly checks: Readonly<Record<string, { readonly ok: boolean; readonly detail: string }>>;
}

export interface ObserveServerOptions {
  readonly metrics: Metrics;
  readonly health: () => Promise<HealthReport>;
  /** 0 picks a free port. */
  readonly port: number;
  /** Loopback by default: the endpoints are for a local scraper or an orchestrator's probe. */
  readonly host?: string;
}

export interface ObserveServer {
  readonly url: string;
  close(): Promise<void>;
}

/** GET /metrics (Prometheus text 0.0.4) and GET /healthz (200 healthy, 503 not, JSON body either way). */
export async function startObserveServer(options: ObserveServerOptions): Promise<ObserveServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("Use GET.\n");
      return;
    }
    if (path === "/metrics") {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
      res.end(req.method === "HEAD" ? undefined : options.metrics.render());
      return;
    }
    if (path === "/healthz") {
      options.health().then(
        (report) => {
          res.writeHead(report.ok ? 200 : 503, { "content-type": "application/json" });
          res.end(JSON.stringify(report));
        },
        () => {
          res.writeHead(503, { "content-type": "application/json" });
          res.end(
            JSON.stringify({ ok: false, checks: { health: { ok: false, detail: "health check failed" } } }),
          );
        },
      );
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found. Try /metrics or /healthz.\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
