/**
 * A timestamp parameter from the runner's clock (the clock is injected, so tests control time). Every
 * statement in this folder is written the same way: `selectRows(tx, sql\`…\`)` inside a transaction the caller
 * opened, numeric cast to text and timestamps to epoch milliseconds, so money stays an exact string and
 * PGlite and postgres.js hand back the same JS types. `selectRows` sends at once, so several calls made
 * before the first `await` are pipelined on the transaction's connection.
 */
export const at = (ms: number): string => new Date(ms).toISOString();
