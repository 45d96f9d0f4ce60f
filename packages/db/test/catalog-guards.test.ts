import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../src/client/connect.ts";
import { openTestDatabase } from "../src/testing/test-database.ts";

// Guards over the whole catalog: each fails the moment a later migration opens a hole the RLS matrix would not
// exercise (a new table, view, function or grant).

let db: Connection;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const NOTHING: unknown[] = [];

describe("catalog guards", () => {
  it("when any public table has row level security off then this fails", async () => {
    const { rows } = await db.raw.query<{ relname: string }>(
      "select relname from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') and not relrowsecurity",
    );
    expect(rows).toEqual(NOTHING);
  });

  it("when a public view runs with its owner's rights (bypassing RLS) then this fails", async () => {
    const { rows } = await db.raw.query(
      `select c.relname from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('v', 'm')
          and not coalesce('security_invoker=true' = any(c.reloptions), false)`,
    );
    expect(rows).toEqual(NOTHING);
  });

  it("when anon holds any privilege on a public table then this fails", async () => {
    const { rows } = await db.raw.query(
      "select table_name, privilege_type from information_schema.role_table_grants where grantee = 'anon' and table_schema = 'public'",
    );
    expect(rows).toEqual(NOTHING);
  });

  it("when an API role may change or truncate the ledger then this fails", async () => {
    const { rows } = await db.raw.query(
      `select grantee, privilege_type from information_schema.role_table_grants
        where table_schema = 'public' and table_name = 'trade_logs'
          and grantee in ('anon', 'authenticated', 'service_role')
          and privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE')`,
    );
    expect(rows).toEqual(NOTHING);
  });

  it("when a user may read any stored credential value then this fails", async () => {
    const { rows } = await db.raw.query(
      `select column_name from information_schema.column_privileges
        where table_schema = 'public' and table_name = 'api_credentials' and grantee in ('anon', 'authenticated')
          and privilege_type = 'SELECT' and column_name in ('api_key', 'api_secret', 'passphrase', 'private_key')`,
    );
    expect(rows).toEqual(NOTHING);
  });

  it("when a function in public or private is executable by everyone then this fails", async () => {
    const { rows } = await db.raw.query(
      `select p.oid::regprocedure::text as fn from pg_proc p
        where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
          and has_function_privilege('public', p.oid, 'execute')`,
    );
    expect(rows).toEqual(NOTHING);
  });

  it("when a policy omits its role or is not a sentence then this fails", async () => {
    const { rows } = await db.raw.query<{ policyname: string; roles: string[] | string }>(
      "select policyname, roles from pg_policies where schemaname = 'public'",
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(String(row.roles)).toMatch(/authenticated/);
      expect(row.policyname).toMatch(/^Users can [a-z]/);
    }
  });

  it("when an API role may touch a table in private (local sign-in, refresh tokens, sign-in attempts) or one has RLS off then this fails", async () => {
    const { rows: grants } = await db.raw.query(
      `select table_name, grantee, privilege_type from information_schema.role_table_grants
        where table_schema = 'private' and grantee in ('anon', 'authenticated', 'service_role', 'PUBLIC')`,
    );
    expect(grants).toEqual(NOTHING);
    const { rows: tables } = await db.raw.query<{ relname: string; relrowsecurity: boolean }>(
      "select relname, relrowsecurity from pg_class where relnamespace = 'private'::regnamespace and relkind = 'r' order by 1",
    );
    expect(tables).toEqual([
      { relname: "local_accounts", relrowsecurity: true },
      { relname: "refresh_tokens", relrowsecurity: true },
      { relname: "sign_in_attempts", relrowsecurity: true },
    ]);
  });
});
