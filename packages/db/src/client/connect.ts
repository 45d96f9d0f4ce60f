import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { DatabaseTarget } from "../env.ts";
import * as schema from "../schema/index.ts";
import { inSavepoint, type RawSql } from "./raw-sql.ts";

/** The Drizzle database, the same type whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Connection {
  readonly kind: DatabaseTarget["kind"];
  readonly db: Database;
  readonly raw: RawSql;
  /** PGlite only: the data folder as a tarball, to start other instances from (tests, backups). */
  readonly dumpDataDir?: () => Promise<Blob>;
  /**
   * LISTEN on `channel` (postgres.js: one dedicated connection that re-listens after a reconnect; PGlite: its
   * in-process listen). Resolves once listening, with a function that stops.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres.js pool size. */
  readonly maxConnections?: number;
  /** A PGlite data dump (from `dumpDataDir`) to start from instead of an empty database. */
  readonly loadDataDir?: Blob | File;
}

/** One factory for both targets: postgres.js for DATABASE_URL, PGlite for the embedded default. */
export async function connect(target: DatabaseTarget, options: ConnectOptions = {}): Promise<Connection> {
  return target.kind === "postgres"
    ? connectPostgres(target.url, target.preparedStatements ?? true, options)
    : connectPglite(target.dataDir, options);
}

/**
 * The client with every statement named and prepared on its connection (postgres.js caches it per connection,
 * so a repeated statement is one round trip with a cached plan). Drizzle asks postgres.js not to prepare its
 * unnamed queries; this overrides that, inside transactions too. Off behind a transaction-mode pooler.
 */
function preparing(sql: postgres.Sql): postgres.Sql {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, key, receiver) {
        const value = Reflect.get(object, key, receiver);
        if (key === "unsafe")
          return (text: string, params?: unknown[], options?: object) =>
            (value as postgres.Sql["unsafe"]).call(object, text, params as never, {
              ...options,
              prepare: true,
            });
        if (key === "begin" || key === "savepoint")
          return (...args: unknown[]) => {
            const fn = args.at(-1) as (tx: object) => unknown;
            return (value as (...a: unknown[]) => unknown).call(object, ...args.slice(0, -1), (tx: object) =>
              fn(wrap(tx)),
            );
          };
        return value;
      },
    });
  return wrap(sql);
}

function connectPostgres(url: string, prepared: boolean, options: ConnectOptions): Connection {
  const driver = postgres(url, { max: options.maxConnections ?? 10, onnotice: () => {}, prepare: prepared });
  const client = prepared ? preparing(driver) : driver;
  const wrap = (sql: postgres.Sql | postgres.TransactionSql, inTransaction: boolean): RawSql => {
    const raw: RawSql = {
      async query(text, params = []) {
        const result = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
          prepare: prepared,
        });
        return { rows: [...result] as never[], rowCount: result.count ?? result.length };
      },
      async exec(text) {
        await sql.unsafe(text);
      },
      transaction(fn) {
        if (inTransaction) return inSavepoint(raw, fn);
        return (sql as postgres.Sql).begin((tx) => fn(wrap(tx, true))) as Promise<never>;
      },
    };
    return raw;
  };
  return {
    kind: "postgres",
    db: drizzlePostgres(client, { schema }) as unknown as Database,
    raw: wrap(client, false),
    async listen(channel, onPayload) {
      const { unlisten } = await driver.listen(channel, onPayload);
      return unlisten;
    },
    close: () => driver.end({ timeout: 5 }),
  };
}

interface PgliteQueryable {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[]; affectedRows?: number }>;
  exec(text: string): Promise<unknown>;
}

async function connectPglite(dataDir: string | undefined, options: ConnectOptions): Promise<Connection> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const wrap = (q: PgliteQueryable, inTransaction: boolean): RawSql => {
    const raw: RawSql = {
      async query<Row>(text: string, params: readonly unknown[] = []) {
        const result = await q.query<Row>(text, [...params]);
        const rowCount = result.rows.length > 0 ? result.rows.length : (result.affectedRows ?? 0);
        return { rows: result.rows, rowCount };
      },
      async exec(text) {
        await q.exec(text);
      },
      transaction(fn) {
        if (inTransaction) return inSavepoint(raw, fn);
        return client.transaction((tx) => fn(wrap(tx, true)));
      },
    };
    return raw;
  };
  return {
    kind: "pglite",
    db: drizzlePglite(client, { schema }) as unknown as Database,
    raw: wrap(client, false),
    dumpDataDir: () => client.dumpDataDir("gzip"),
    listen: (channel, onPayload) => client.listen(channel, onPayload),
    close: () => client.close(),
  };
}
