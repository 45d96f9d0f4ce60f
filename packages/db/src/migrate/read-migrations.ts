import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export interface MigrationFile {
  /** The timestamp prefix, as the Supabase CLI records it. */
  readonly version: string;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

// The Supabase CLI's own rule (pkg/migration/file.go): other files are not migrations.
const MIGRATION_FILE = /^([0-9]+)_(.*)\.sql$/;

const checksumOf = (sql: string): string => createHash("sha256").update(sql).digest("hex");

/** The migrations in a folder, in the order they apply. */
export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((name) => MIGRATION_FILE.test(name)).sort();
  const files = await Promise.all(
    names.map(async (fileName) => {
      const [, version = "", name = ""] = MIGRATION_FILE.exec(fileName) ?? [];
      const sql = await readFile(join(dir, fileName), "utf8");
      return { version, name, sql, checksum: checksumOf(sql) };
    }),
  );
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.version)) {
      throw new Error(
        `Two migrations share version ${file.version} in ${dir}: give each file its own timestamp.`,
      );
    }
    seen.add(file.version);
  }
  return files;
}
