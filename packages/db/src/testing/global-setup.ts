import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { connect } from "../client/connect.ts";
import { readDbEnv } from "../env.ts";
import { migrate } from "../migrate/apply-migrations.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDumpPath: string | null;
  }
}

/**
 * Migrates once for the whole run: the DATABASE_URL database (CI, real PostgreSQL 15), or an in-memory PGlite
 * whose data folder is dumped so every test file starts from it in ~0.5 s instead of ~3 s.
 */
export default async function setup(project: TestProject) {
  const env = readDbEnv();
  const target = env.DATABASE_URL
    ? ({ kind: "postgres", url: env.DATABASE_URL } as const)
    : ({ kind: "pglite", dataDir: undefined } as const);
  const connection = await connect(target, { maxConnections: 1 });
  let dumpPath: string | null = null;
  try {
    await migrate(connection.raw);
    if (connection.dumpDataDir) {
      dumpPath = join(tmpdir(), `open-trade-db-${process.pid}-${Date.now()}.tar.gz`);
      const dump = await connection.dumpDataDir();
      await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
    }
  } finally {
    await connection.close();
  }
  project.provide("pgliteDumpPath", dumpPath);
  return async () => {
    if (dumpPath) await rm(dumpPath, { force: true });
  };
}
