/** Plain SQL access that behaves the same on postgres.js and PGlite: the migrator and the tests use it. */
export interface SqlResult<Row> {
  readonly rows: Row[];
  /** Rows returned by a query or affected by INSERT/UPDATE/DELETE. */
  readonly rowCount: number;
}

export interface RawSql {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>>;
  /** Runs several statements without parameters (simple query protocol). */
  exec(text: string): Promise<void>;
  /** A transaction, or a savepoint when already inside one. Throwing rolls it back. */
  transaction<T>(fn: (tx: RawSql) => Promise<T>): Promise<T>;
}

/** The parts of a PostgreSQL error worth acting on, whichever driver raised it. */
export interface SqlErrorInfo {
  readonly code: string;
  readonly constraint: string | undefined;
  readonly message: string;
}

export function sqlErrorInfo(error: unknown): SqlErrorInfo | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const e = error as { code: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown };
  if (typeof e.code !== "string") return undefined;
  const constraint = e.constraint_name ?? e.constraint;
  return {
    code: e.code,
    constraint: typeof constraint === "string" ? constraint : undefined,
    message: typeof e.message === "string" ? e.message : "",
  };
}

let savepointCounter = 0;

/** Savepoint-based nesting shared by both drivers, so a failed inner step can be undone alone. */
export async function inSavepoint<T>(tx: RawSql, fn: (tx: RawSql) => Promise<T>): Promise<T> {
  savepointCounter += 1;
  const name = `sp_${savepointCounter}`;
  await tx.exec(`savepoint ${name}`);
  try {
    const result = await fn(tx);
    await tx.exec(`release savepoint ${name}`);
    return result;
  } catch (error) {
    await tx.exec(`rollback to savepoint ${name}`);
    throw error;
  }
}
