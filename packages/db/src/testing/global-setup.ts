import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { connect } from "../client/connect.ts";
import { readDbEnv } from "../env.ts";
import { migrate } from "../migrate/apply-migrations.ts";
import { readMigrations } from "../migrate/read-migrations.ts";
import { migrationsDir, repoRoot, standInFile } from "../paths.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDumpPath: string | null;
  }
}

/**
 * Migrates once for the whole run: the DATABASE_URL database (CI, real PostgreSQL 15), or an in-memory PGlite
 * whose data folder is dumped so every test worker starts from it in ~1 s instead of initdb's ~3-10 s. The dump
 * is cached by the content of the stand-in and the migrations, so a rerun with unchanged SQL skips initdb too.
 */
export default async function setup(project: TestProject) {
  const env = readDbEnv();
  if (env.DATABASE_URL) {
    const connection = await connect({ kind: "postgres", url: env.DATABASE_URL }, { maxConnections: 1 });
    try {
      await migrate(connection.raw);
    } finally {
      await connection.close();
    }
    project.provide("pgliteDumpPath", null);
    return;
  }
  const dumpPath = join(
    repoRoot,
    "node_modules",
    ".cache",
    "open-trade-db",
    `pglite-${await schemaKey()}.tar.gz`,
  );
  if (!(await exists(dumpPath))) await writeMigratedDump(dumpPath);
  project.provide("pgliteDumpPath", dumpPath);
}

async function schemaKey(): Promise<string> {
  const hash = createHash("sha256").update(await readFile(standInFile));
  for (const file of await readMigrations(migrationsDir)) hash.update(`${file.version}:${file.checksum}`);
  return hash.digest("hex").slice(0, 16);
}

async function writeMigratedDump(dumpPath: string): Promise<void> {
  const connection = await connect({ kind: "pglite", dataDir: undefined });
  try {
    await migrate(connection.raw);
    const dump = await connection.dumpDataDir?.();
    if (!dump) throw new Error("PGlite connection cannot dump its data folder");
    await mkdir(join(dumpPath, ".."), { recursive: true });
    const partial = `${dumpPath}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, dumpPath);
  } finally {
    await connection.close();
  }
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
