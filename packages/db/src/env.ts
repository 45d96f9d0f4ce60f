import { z } from "zod";
import { defaultDataDir } from "./paths.ts";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// connection URL")
    .optional(),
  OPEN_TRADE_DATA_DIR: z.string().min(1).optional(),
  /**
   * Named prepared statements (one round trip and a cached plan per repeated statement). Set `false` behind a
   * pooler in transaction mode (PgBouncer before 1.21, Supabase's port 6543), which cannot keep them.
   */
  DATABASE_PREPARED_STATEMENTS: z
    .enum(["true", "false"], {
      message: "DATABASE_PREPARED_STATEMENTS must be true or false",
    })
    .optional(),
  /** The runners' X25519 public key, `id:base64`: all the API needs to seal credentials. */
  OPEN_TRADE_CREDENTIAL_PUBLIC_KEY: z.string().min(1).optional(),
  /** The matching private keys, `id:base64,...` (current first): runners and db:rotate-credentials only. */
  OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS: z.string().min(1).optional(),
  /** The old symmetric otc1 keys: read only by db:rotate-credentials to migrate rows sealed before otc2. */
  OPEN_TRADE_CREDENTIAL_KEYS: z.string().min(1).optional(),
});

export type DbEnv = z.infer<typeof envSchema>;

/** The only place this package reads the environment. Values are checked, never echoed back in errors. */
export function readDbEnv(env: NodeJS.ProcessEnv = process.env): DbEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid database configuration: ${problems.join("; ")}`);
  }
  return parsed.data;
}

export type DatabaseTarget =
  | { readonly kind: "postgres"; readonly url: string; readonly preparedStatements?: boolean }
  | { readonly kind: "pglite"; readonly dataDir: string | undefined };

/** DATABASE_URL when set, otherwise the embedded PGlite data folder (OPEN_TRADE_DATA_DIR or ./.data/pglite). */
export function targetFromEnv(env: DbEnv = readDbEnv()): DatabaseTarget {
  if (env.DATABASE_URL)
    return {
      kind: "postgres",
      url: env.DATABASE_URL,
      preparedStatements: env.DATABASE_PREPARED_STATEMENTS !== "false",
    };
  return { kind: "pglite", dataDir: env.OPEN_TRADE_DATA_DIR ?? defaultDataDir };
}

/** Where a target lives, for messages: never includes a password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return target.dataDir ? `PGlite at ${target.dataDir}` : "PGlite in memory";
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || "5432"}${url.pathname}`;
}
