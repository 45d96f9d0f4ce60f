import { readFile } from "node:fs/promises";
import type { RawSql } from "../client/raw-sql.ts";
import { migrationsDir as defaultMigrationsDir, standInFile } from "../paths.ts";
import { MigrationError } from "./migration-error.ts";
import { type MigrationFile, readMigrations } from "./read-migrations.ts";

export interface MigrateOptions {
  readonly migrationsDir?: string;
  /** "auto" applies the Supabase stand-in unless the target already is Supabase. */
  readonly standIn?: "auto" | "always" | "never";
}

export interface MigrateReport {
  readonly standInApplied: boolean;
  readonly applied: readonly string[];
  readonly alreadyApplied: readonly string[];
}

// The same history table as the Supabase CLI, so `supabase db push` and this runner agree on what is applied.
// The checksum of each file this runner applied lives beside it: the CLI stores statements split and trimmed
// (or none at all after `migration repair`), so only our own record can tell that a file changed.
const HISTORY_DDL = `
  create schema if not exists supabase_migrations;
  create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
  alter table supabase_migrations.schema_migrations add column if not exists statements text[];
  alter table supabase_migrations.schema_migrations add column if not exists name text;
  create table if not exists supabase_migrations.open_trade_checksums (
    version text not null primary key,
    sha256 text not null
  );
`;

// Serialises concurrent runners (two processes starting at once) on any PostgreSQL, PGlite included.
const LOCK = "select pg_advisory_xact_lock(hashtext('open-trade:migrations'))";

interface AppliedRow {
  version: string;
  name: string | null;
  /** Null when the Supabase CLI applied it: then there is nothing to compare the file with. */
  sha256: string | null;
}

/** Applies the stand-in (when needed) and every pending migration, each in its own transaction. */
export async function migrate(raw: RawSql, options: MigrateOptions = {}): Promise<MigrateReport> {
  const files = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  const standInApplied = await applyStandIn(raw, options.standIn ?? "auto");
  await raw.transaction(async (tx) => {
    await tx.query(LOCK);
    await tx.exec(HISTORY_DDL);
  });

  const applied: string[] = [];
  const alreadyApplied: string[] = [];
  const history = await readHistory(raw);
  verifyHistory(files, history);

  for (const file of files) {
    if (history.has(file.version)) {
      alreadyApplied.push(file.version);
      continue;
    }
    const didApply = await applyOne(raw, file);
    (didApply ? applied : alreadyApplied).push(file.version);
  }
  return { standInApplied, applied, alreadyApplied };
}

async function applyStandIn(raw: RawSql, mode: "auto" | "always" | "never"): Promise<boolean> {
  if (mode === "never") return false;
  if (mode === "auto" && (await isSupabase(raw))) return false;
  const sql = await readFile(standInFile, "utf8");
  await raw.transaction(async (tx) => {
    await tx.query(LOCK);
    await tx.exec(sql);
  });
  return true;
}

/** Supabase creates supabase_auth_admin; our stand-in never does. */
async function isSupabase(raw: RawSql): Promise<boolean> {
  const { rows } = await raw.query<{ found: boolean }>(
    "select exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') as found",
  );
  return rows[0]?.found === true;
}

async function readHistory(raw: RawSql): Promise<Map<string, AppliedRow>> {
  const { rows } = await raw.query<AppliedRow>(
    `select m.version, m.name, c.sha256
       from supabase_migrations.schema_migrations m
       left join supabase_migrations.open_trade_checksums c using (version)
      order by m.version`,
  );
  return new Map(rows.map((row) => [row.version, row]));
}

function verifyHistory(files: readonly MigrationFile[], history: Map<string, AppliedRow>): void {
  const byVersion = new Map(files.map((file) => [file.version, file]));
  for (const row of history.values()) {
    const file = byVersion.get(row.version);
    if (!file) {
      throw new MigrationError(
        "MIGRATION_MISSING",
        row.version,
        `Migration ${row.version}_${row.name ?? "?"} is recorded as applied but its file is missing from supabase/migrations. Restore the file; applied migrations are never removed.`,
      );
    }
    if (row.sha256 !== null && row.sha256 !== file.checksum) {
      throw new MigrationError(
        "MIGRATION_CHANGED",
        row.version,
        `Migration ${row.version}_${file.name}.sql has changed since it was applied (applied sha256 ${row.sha256.slice(0, 12)}, file sha256 ${file.checksum.slice(0, 12)}). Applied migrations are immutable: restore the file and put the change in a new migration.`,
      );
    }
  }
}

async function applyOne(raw: RawSql, file: MigrationFile): Promise<boolean> {
  try {
    return await raw.transaction(async (tx) => {
      await tx.query(LOCK);
      // Another process may have applied it while we waited for the lock.
      const { rowCount } = await tx.query(
        "select 1 from supabase_migrations.schema_migrations where version = $1",
        [file.version],
      );
      if (rowCount > 0) return false;
      await tx.exec(file.sql);
      await tx.query(
        "insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)",
        [file.version, file.name, [file.sql]],
      );
      await tx.query(
        "insert into supabase_migrations.open_trade_checksums (version, sha256) values ($1, $2)",
        [file.version, file.checksum],
      );
      return true;
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      "MIGRATION_FAILED",
      file.version,
      `Migration ${file.version}_${file.name}.sql failed and was rolled back: ${reason}`,
      { cause: error },
    );
  }
}
