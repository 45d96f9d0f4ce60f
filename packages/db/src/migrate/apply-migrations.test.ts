import { cp, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../client/connect.ts";
import { migrationsDir } from "../paths.ts";
import { openEmptyDatabase } from "../testing/test-database.ts";
import { migrate } from "./apply-migrations.ts";
import { MigrationError } from "./migration-error.ts";
import { readMigrations } from "./read-migrations.ts";

// One empty database walks through the runner's life: first run, rerun, a changed file, a missing file,
// a failing migration and its fix. Each step builds on the state the last one left.

let empty: Awaited<ReturnType<typeof openEmptyDatabase>>;
let db: Connection;
let dir: string;

beforeAll(async () => {
  empty = await openEmptyDatabase();
  db = empty.connection;
  dir = await mkdtemp(join(tmpdir(), "open-trade-migrations-"));
  await cp(migrationsDir, dir, { recursive: true });
});
afterAll(async () => {
  await empty?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const expectMigrationError = async (
  promise: Promise<unknown>,
  code: MigrationError["code"],
  version: string,
) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationError);
  expect(error).toMatchObject({ code, version });
};

describe("migrate", () => {
  it("when the database is empty then the stand-in and every migration are applied and recorded", async () => {
    const report = await migrate(db.raw, { migrationsDir: dir });
    expect(report.standInApplied).toBe(true);
    const files = await readMigrations(dir);
    expect(report.applied).toEqual(files.map((f) => f.version));
    const { rows } = await db.raw.query<{ version: string; name: string }>(
      "select version, name from supabase_migrations.schema_migrations order by version",
    );
    expect(rows.map((r) => r.name)).toEqual(files.map((f) => f.name));
    expect(rows.slice(0, 5).map((r) => r.name)).toEqual([
      "users",
      "api_credentials",
      "bots",
      "ledger",
      "coordination",
    ]);
  });

  it("when it runs again then nothing is applied twice", async () => {
    const report = await migrate(db.raw, { migrationsDir: dir });
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toHaveLength((await readMigrations(dir)).length);
  });

  it("when two runs start at once then each migration is applied exactly once", async () => {
    await writeFile(join(dir, "20261125009000_extra.sql"), "create table public.extra_probe (id int);");
    const [a, b] = await Promise.all([
      migrate(db.raw, { migrationsDir: dir }),
      migrate(db.raw, { migrationsDir: dir }),
    ]);
    expect([...a.applied, ...b.applied]).toEqual(["20261125009000"]);
    await db.raw.exec("drop table public.extra_probe");
    await db.raw.query("delete from supabase_migrations.schema_migrations where version = '20261125009000'");
    await unlink(join(dir, "20261125009000_extra.sql"));
  });

  it("when an applied migration file has changed then it refuses with MIGRATION_CHANGED", async () => {
    const file = join(dir, "20261125000300_bots.sql");
    const original = await readFile(file, "utf8");
    await writeFile(file, `${original}\n-- an innocent-looking edit\n`);
    await expectMigrationError(
      migrate(db.raw, { migrationsDir: dir }),
      "MIGRATION_CHANGED",
      "20261125000300",
    );
    await writeFile(file, original);
  });

  it("when an applied migration file is missing then it refuses with MIGRATION_MISSING", async () => {
    const file = join(dir, "20261125000500_coordination.sql");
    const original = await readFile(file, "utf8");
    await unlink(file);
    await expectMigrationError(
      migrate(db.raw, { migrationsDir: dir }),
      "MIGRATION_MISSING",
      "20261125000500",
    );
    await writeFile(file, original);
  });

  it("when a new migration fails halfway then none of it stays and it is not recorded", async () => {
    const file = join(dir, "20261125009100_broken.sql");
    await writeFile(file, "create table public.half_done (id int);\nselect 1 / 0;");
    await expectMigrationError(migrate(db.raw, { migrationsDir: dir }), "MIGRATION_FAILED", "20261125009100");
    const { rows } = await db.raw.query("select to_regclass('public.half_done') as t");
    expect(rows).toEqual([{ t: null }]);
    const recorded = await db.raw.query(
      "select 1 from supabase_migrations.schema_migrations where version = '20261125009100'",
    );
    expect(recorded.rowCount).toBe(0);

    await writeFile(file, "create table public.half_done (id int);");
    expect((await migrate(db.raw, { migrationsDir: dir })).applied).toEqual(["20261125009100"]);
  });

  it("when the Supabase CLI recorded a migration (split statements, no checksum of ours) then it is accepted", async () => {
    await db.raw.query(
      "update supabase_migrations.schema_migrations set statements = array['create table x', 'select 1'] where version = '20261125000100'",
    );
    await db.raw.query(
      "delete from supabase_migrations.open_trade_checksums where version = '20261125000100'",
    );
    expect((await migrate(db.raw, { migrationsDir: dir })).applied).toEqual([]);
  });

  it("when the Supabase CLI recorded a migration (split statements, no checksum of ours) then it is accepted", async () => {
    await db.raw.query(
      "update supabase_migrations.schema_migrations set statements = array['create table x', 'select 1'] where version = '20261125000100'",
    );
    await db.raw.query(
      "delete from supabase_migrations.open_trade_checksums where version = '20261125000100'",
    );
    expect((await migrate(db.raw, { migrationsDir: dir })).applied).toEqual([]);
  });

  it("when the target is Supabase then the stand-in is not applied", async () => {
    const report = await migrate(db.raw, { migrationsDir: dir, standIn: "never" });
    expect(report.standInApplied).toBe(false);
  });
});
