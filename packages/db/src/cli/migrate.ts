import { connect } from "../client/connect.ts";
import { describeTarget, targetFromEnv } from "../env.ts";
import { migrate } from "../migrate/apply-migrations.ts";
import { runCli } from "./run-cli.ts";

// `pnpm db:migrate`: DATABASE_URL when set, otherwise the embedded PGlite folder.
await runCli(async (print) => {
  const target = targetFromEnv();
  const connection = await connect(target, { maxConnections: 1 });
  try {
    const report = await migrate(connection.raw);
    print(`Migrated ${describeTarget(target)}`);
    if (report.standInApplied) print("  Supabase stand-in: applied (roles, auth schema, default grants)");
    print(`  applied now:     ${report.applied.length ? report.applied.join(", ") : "none"}`);
    print(`  already applied: ${report.alreadyApplied.length}`);
  } finally {
    await connection.close();
  }
});
