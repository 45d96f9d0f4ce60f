import { is, SQL } from "drizzle-orm";
import { getTableConfig, isPgEnum, PgDialect, type PgEnum, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../src/client/connect.ts";
import * as schema from "../src/schema/index.ts";
import { openTestDatabase } from "../src/testing/test-database.ts";

// The SQL migrations are the source of truth; this proves the Drizzle mirror agrees with a freshly migrated
// database on tables, columns, types, nullability, defaults, enums, indexes, checks, foreign keys, RLS and policies.

const dialect = new PgDialect();
const exported: unknown[] = Object.values(schema);
const tables = exported.filter((value): value is PgTable => is(value, PgTable));
const enums = exported.filter((value): value is PgEnum<[string, ...string[]]> => isPgEnum(value));

/** `'free'::user_tier` and `free` are the same default; casts and quotes are how PostgreSQL prints literals. */
const normaliseDefault = (text: string | null | undefined): string | null =>
  text == null
    ? null
    : text
        .replace(/::[a-z_ ]+(\[\])?/g, "")
        .replace(/^'(.*)'$/s, "$1")
        .replace(/^\((.*)\)$/s, "$1");

function drizzleDefault(column: ReturnType<typeof getTableConfig>["columns"][number]): string | null {
  if (!column.hasDefault || column.default === undefined) return null;
  const value = column.default;
  return normaliseDefault(is(value, SQL) ? dialect.sqlToQuery(value).sql : String(value));
}

const ON_DELETE: Record<string, string> = {
  a: "no action",
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};

interface Catalog {
  columns: string[];
  indexes: string[];
  checks: string[];
  foreignKeys: string[];
  policies: string[];
  rls: boolean;
}

async function readCatalog(db: Connection, table: string): Promise<Catalog> {
  const columns = await db.raw.query<{ line: string }>(
    `select format('%s %s %s default=%s', c.column_name,
              coalesce(c.domain_name, case when c.data_type = 'USER-DEFINED' then c.udt_name
                                           when c.data_type = 'ARRAY' then substr(c.udt_name, 2) || '[]'
                                           else c.data_type end),
              case when c.is_nullable = 'YES' then 'null' else 'not null' end,
              coalesce(c.column_default, '-')) as line
       from information_schema.columns c
      where c.table_schema = 'public' and c.table_name = $1 order by c.column_name`,
    [table],
  );
  const indexes = await db.raw.query<{ line: string }>(
    `select i.relname || '(' || string_agg(a.attname, ',' order by k.ord) || ')' as line
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       join pg_class t on t.oid = x.indrelid
       cross join lateral unnest(x.indkey) with ordinality as k(attnum, ord)
       join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
      where t.relnamespace = 'public'::regnamespace and t.relname = $1
      group by i.relname order by 1`,
    [table],
  );
  const constraints = await db.raw.query<{ contype: string; line: string }>(
    `select c.contype,
            case when c.contype = 'f' then
              (select string_agg(a.attname, ',' order by k.ord) from unnest(c.conkey) with ordinality as k(attnum, ord) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum)
              || ' -> ' || c.confrelid::regclass::text || ' on delete ' || c.confdeltype::text
            else c.conname end as line
       from pg_constraint c
      where c.conrelid = ('public.' || $1)::regclass and c.contype in ('c', 'f') order by 2`,
    [table],
  );
  const policies = await db.raw.query<{ line: string }>(
    `select format('%s [%s to %s]', policyname, lower(cmd), array_to_string(roles, ',')) as line
       from pg_policies where schemaname = 'public' and tablename = $1 order by 1`,
    [table],
  );
  const rls = await db.raw.query<{ on: boolean }>(
    "select relrowsecurity as on from pg_class where oid = ('public.' || $1)::regclass",
    [table],
  );
  return {
    columns: columns.rows.map((r) => {
      const [head, def] = r.line.split(" default=");
      return `${head} default=${def === "-" ? null : normaliseDefault(def)}`;
    }),
    indexes: indexes.rows.map((r) => r.line),
    checks: constraints.rows.filter((r) => r.contype === "c").map((r) => r.line),
    foreignKeys: constraints.rows
      .filter((r) => r.contype === "f")
      .map((r) => r.line.replace(/on delete (\w)$/, (_m, code: string) => `on delete ${ON_DELETE[code]}`)),
    policies: policies.rows.map((r) => r.line),
    rls: rls.rows[0]?.on === true,
  };
}

function fromDrizzle(table: PgTable): Catalog {
  const config = getTableConfig(table);
  const columnName = (c: unknown) => (c as { name: string }).name;
  const primaryKeys = [
    ...config.columns.filter((c) => c.primary).map((c) => `${config.name}_pkey(${c.name})`),
    ...config.primaryKeys.map((pk) => `${pk.getName()}(${pk.columns.map((c) => c.name).join(",")})`),
  ];
  const foreignTable = (t: PgTable) => {
    const c = getTableConfig(t);
    return c.schema && c.schema !== "public" ? `${c.schema}.${c.name}` : c.name;
  };
  return {
    columns: config.columns
      .map(
        (c) => `${c.name} ${c.getSQLType()} ${c.notNull ? "not null" : "null"} default=${drizzleDefault(c)}`,
      )
      .sort(),
    indexes: [
      ...primaryKeys,
      ...config.uniqueConstraints.map((u) => `${u.name}(${u.columns.map(columnName).join(",")})`),
      ...config.indexes.map((i) => `${i.config.name}(${i.config.columns.map(columnName).join(",")})`),
    ].sort(),
    checks: config.checks.map((c) => c.name).sort(),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return `${ref.columns.map(columnName).join(",")} -> ${foreignTable(ref.foreignTable)} on delete ${fk.onDelete ?? "no action"}`;
      })
      .sort(),
    policies: config.policies
      .map(
        (p) =>
          `${p.name} [${p.as === "restrictive" ? "restrictive " : ""}${p.for ?? "all"} to ${[p.to]
            .flat()
            .map((r) => (typeof r === "string" ? r : (r as { name: string }).name))
            .join(",")}]`,
      )
      .sort(),
    rls: config.enableRLS || config.policies.length > 0,
  };
}

let db: Connection;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe("Drizzle schema mirrors the migrations", () => {
  it("when a table exists on one side only then this fails", async () => {
    const { rows } = await db.raw.query<{ relname: string }>(
      "select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by relname",
    );
    expect(tables.map((t) => getTableConfig(t).name).sort()).toEqual(rows.map((r) => r.relname));
  });

  it.each(tables.map((t) => [getTableConfig(t).name, t] as const))(
    "when table %s differs in any column, index, check, foreign key, policy or RLS flag then this fails",
    async (name, table) => {
      expect(fromDrizzle(table)).toEqual(await readCatalog(db, name));
    },
  );

  it.each(enums.map((e) => [e.enumName, e] as const))(
    "when enum %s differs in its values then this fails",
    async (name, e) => {
      const { rows } = await db.raw.query<{ label: string }>(
        "select e.enumlabel as label from pg_enum e join pg_type t on t.oid = e.enumtypid where t.typname = $1 order by e.enumsortorder",
        [name],
      );
      expect(rows.map((r) => r.label)).toEqual([...e.enumValues]);
    },
  );

  it("when an enum exists in the database but not in Drizzle then this fails", async () => {
    const { rows } = await db.raw.query<{ typname: string }>(
      "select typname from pg_type where typnamespace = 'public'::regnamespace and typtype = 'e' order by typname",
    );
    expect(rows.map((r) => r.typname)).toEqual(enums.map((e) => e.enumName).sort());
  });
});
