import { createServer, type Socket, connect as tcpConnect } from "node:net";

export interface WireCounts {
  /** Statements the server completed (CommandComplete), BEGIN and COMMIT included. */
  readonly statements: number;
  /** Transactions begun (a BEGIN completed). */
  readonly transactions: number;
  /** Times a client sent after the server had answered: each is one wait for the network. */
  readonly roundTrips: number;
}

export interface WireCounter {
  /** DATABASE_URL pointing at the counter instead of the server. */
  readonly url: string;
  reset(): void;
  counts(): WireCounts;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of PostgreSQL that counts, on the wire, what a client costs: statements (the server's
 * CommandComplete messages), transactions (BEGIN completions) and round trips (each time the client speaks
 * again after the server answered it, per connection). For benchmarks: it reads the protocol, never alters it.
 */
export async function startWireCounter(databaseUrl: string): Promise<WireCounter> {
  const target = new URL(databaseUrl);
  let statements = 0;
  let transactions = 0;
  let roundTrips = 0;
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    const upstream = tcpConnect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    let answered = true;
    let pending = Buffer.alloc(0);
    let startup = true;
    client.on("data", (chunk: Buffer) => {
      if (answered && !startup) roundTrips += 1;
      answered = false;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      answered = true;
      client.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      // Server messages: a type byte, then a length that counts itself but not the type.
      while (pending.length >= 5) {
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) break;
        const type = String.fromCharCode(pending[0] ?? 0);
        if (type === "Z") startup = false;
        if (type === "C") {
          statements += 1;
          if (
            pending
              .subarray(5, 1 + length)
              .toString("utf8")
              .startsWith("BEGIN")
          )
            transactions += 1;
        }
        pending = pending.subarray(1 + length);
      }
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    reset() {
      statements = 0;
      transactions = 0;
      roundTrips = 0;
    },
    counts: () => ({ statements, transactions, roundTrips }),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
