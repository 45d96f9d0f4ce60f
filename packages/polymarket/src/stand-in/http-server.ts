import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { EXCHANGE_MESSAGES, ExchangeError } from "./exchange-error.ts";
import { type FaultBoard, faultError } from "./faults.ts";
import type { IncomingRequest } from "./router.ts";
import { toWireJson } from "./wire-json.ts";
import { MARKET_CHANNEL_PATH, type MarketChannel } from "./ws-market-channel.ts";

export interface HttpDeps {
  readonly route: (request: IncomingRequest) => Promise<unknown>;
  readonly faults: FaultBoard;
  readonly channel: MarketChannel;
  /** Runs before every request (time-based housekeeping such as GTD expiry). */
  readonly beforeRequest: () => void;
  /** Hears every answered request, for the test inspection log. */
  readonly onAnswered: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): number {
  const text = toWireJson(body);
  response.writeHead(status, { "Content-Type": "application/json", ...headers });
  response.end(text);
  return status;
}

function sendError(response: ServerResponse, error: unknown): number {
  if (error instanceof ExchangeError) {
    return send(response, error.status, { error: error.message, ...error.extra }, { ...error.headers });
  }
  // A bug in the stand-in, not a client mistake: keep the stack on the server side only.
  console.error("stand-in exchange: unexpected error", error);
  return send(response, 500, { error: EXCHANGE_MESSAGES.internal });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The node:http transport: body capture (raw bytes for the HMAC), faults, routing, WebSocket upgrades. */
export function createHttpServer(deps: HttpDeps): { server: Server; destroyConnections: () => void } {
  const sockets = new Set<Socket>();
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const method = (request.method ?? "GET").toUpperCase();
    let status: number;
    try {
      const rawBody = await readBody(request);
      const fault = deps.faults.take(method, url.pathname);
      if (fault?.kind === "hang") return;
      if (fault?.kind === "delay") await sleep(fault.ms);
      if (fault?.kind === "status" && !fault.afterHandling) throw faultError(fault);
      deps.beforeRequest();
      const body = await deps.route({
        method,
        path: url.pathname,
        query: url.searchParams,
        rawBody,
        headers: request.headers,
      });
      if (fault?.kind === "status") throw faultError(fault);
      status = send(response, 200, body);
    } catch (error) {
      status = sendError(response, error);
    }
    deps.onAnswered({ method, path: url.pathname, status });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("upgrade", (request, socket, head) => {
    const path = new URL(request.url ?? "/", "http://stand-in").pathname;
    if (path === MARKET_CHANNEL_PATH) deps.channel.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  return {
    server,
    destroyConnections: () => {
      for (const socket of sockets) socket.destroy();
    },
  };
}
