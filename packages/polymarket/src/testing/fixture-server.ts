import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface FixtureReply {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export type FixtureRoute = (request: {
  method: string;
  url: URL;
  body: string;
  raw: IncomingMessage;
}) => FixtureReply | Promise<FixtureReply>;

/** A tiny JSON server on 127.0.0.1 for adapter tests; routes are keyed by "METHOD /path". */
export async function startFixtureServer(routes: Record<string, FixtureRoute>) {
  const seen: string[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const key = `${req.method} ${url.pathname}`;
    seen.push(`${key}${url.search}`);
    const route = routes[key];
    const reply: FixtureReply = route
      ? await route({
          method: req.method ?? "GET",
          url,
          body: Buffer.concat(chunks).toString("utf8"),
          raw: req,
        })
      : { status: 404, body: { error: "not found" } };
    res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
    res.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? null));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
