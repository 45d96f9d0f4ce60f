import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { type Connection, connect } from "../client/connect.ts";
import { readDbEnv } from "../env.ts";
import { migrate } from "../migrate/apply-migrations.ts";

let sharedPglite: Promise<Connection> | undefined;

/**
 * The suite's migrated database: DATABASE_URL when set, otherwise a PGlite started from the shared dump.
 * Starting a PGlite costs seconds of WASM, so files that run in one worker without isolation (`isolate: false`)
 * share one instance; its `close` is then a no-op and the worker's exit ends it. Tests keep to their own rows.
 */
export async function openTestDatabase(): Promise<Connection> {
  const env = readDbEnv();
  if (env.DATABASE_URL) return connect({ kind: "postgres", url: env.DATABASE_URL }, { maxConnections: 4 });
  sharedPglite ??= openPgliteFromDump();
  const connection = await sharedPglite;
  return { ...connection, close: async () => {} };
}

async function openPgliteFromDump(): Promise<Connection> {
  const dumpPath = inject("pgliteDumpPath");
  if (!dumpPath)
    throw new Error("The global setup did not leave a PGlite dump; run the tests through vitest.");
  const loadDataDir = new Blob([await readFile(dumpPath)]);
  return connect({ kind: "pglite", dataDir: undefined }, { loadDataDir });
}

/** A test database; `url` is set on PostgreSQL so other processes (a runner child) can reach the same database. */
export interface TestConnection extends Connection {
  readonly url?: string;
}

/** An empty database of its own (for migration tests): a new database on the server, or a new PGlite. */
export async function openEmptyDatabase(): Promise<{
  connection: Connection;
  /** PostgreSQL only: the new database's URL. */
  url?: string;
  drop(): Promise<void>;
}> {
  const env = readDbEnv();
  if (!env.DATABASE_URL) {
    const connection = await connect({ kind: "pglite", dataDir: undefined });
    return { connection, drop: () => connection.close() };
  }
  const name = `open_trade_test_${randomUUID().replaceAll("-", "")}`;
  const admin = await connect({ kind: "postgres", url: env.DATABASE_URL }, { maxConnections: 1 });
  await admin.raw.exec(`create database ${name}`);
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/${name}`;
  const connection = await connect({ kind: "postgres", url: url.toString() }, { maxConnections: 4 });
  return {
    connection,
    url: url.toString(),
    async drop() {
      await connection.close();
      await admin.raw.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

/**
 * A migrated database no other test file writes to, for tests whose subject is the whole database (a queue that
 * claims every due bot). On PostgreSQL a new database, migrated and dropped on close; on PGlite the per-worker
 * instance, which is already private when the package runs its files isolated (vitest's default).
 */
export async function openIsolatedTestDatabase(): Promise<TestConnection> {
  if (!readDbEnv().DATABASE_URL) return openTestDatabase();
  const { connection, url, drop } = await openEmptyDatabase();
  await migrate(connection.raw);
  return { ...connection, ...(url ? { url } : {}), close: drop };
}
