import { connect } from "../client/connect.ts";
import { describeTarget, targetFromEnv } from "../env.ts";
import { migrate } from "../migrate/apply-migrations.ts";
import { runCli } from "./run-cli.ts";

// The main job until the runner exists: migrate the database and report what it holds.
await runCli(async (print) => {
  const target = targetFromEnv();
  const connection = await connect(target, { maxConnections: 1 });
  try {
    const report = await migrate(connection.raw);
    print(`Open Trade database: ${describeTarget(target)}`);
    print(
      `Migrations: ${report.applied.length} applied now, ${report.alreadyApplied.length} already applied`,
    );
    const { rows } = await connection.raw.query<{ table_name: string; rls: boolean; policies: number }>(
      `select c.relname as table_name, c.relrowsecurity as rls,
              (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
    );
    print("");
    print(`${"table".padEnd(24)}${"rows".padStart(8)}  rls  policies`);
    for (const row of rows) {
      const { rows: count } = await connection.raw.query<{ n: number }>(
        `select count(*)::int as n from public.${quoteIdent(row.table_name)}`,
      );
      print(
        `${row.table_name.padEnd(24)}${String(count[0]?.n ?? 0).padStart(8)}  ${row.rls ? "on " : "OFF"}  ${row.policies}`,
      );
    }
  } finally {
    await connection.close();
  }
});

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
