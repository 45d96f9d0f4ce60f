import { z } from "zod";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Supabase mode when set: tokens come from Supabase Auth and are checked against its JWKS. */
  SUPABASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Legacy HS256 verification, only when a project still signs with its shared secret (explicit opt-in). */
  SUPABASE_JWT_SECRET: z.string().min(32).optional(),
  /** The public origin of this API, used as the issuer of local-mode tokens. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  POLYMARKET_GAMMA_URL: z.url({ protocol: /^https?$/ }).default("https://gamma-api.polymarket.com"),
  POLYMARKET_CLOB_URL: z.url({ protocol: /^https?$/ }).default("https://clob.polymarket.com"),
  /** A built web app (apps/web/dist) to serve next to the API. */
  WEB_DIST: z.string().min(1).optional(),
  /** Where local mode keeps its token signing key (default: .data/auth in the repository). */
  OPEN_TRADE_AUTH_DIR: z.string().min(1).optional(),
});

// Advice only, never the value.
const ADVICE: Record<string, string> = {
  PORT: "PORT must be a port number",
  HOST: "HOST must not be empty",
  SUPABASE_URL: "SUPABASE_URL must be the project URL, e.g. https://<ref>.supabase.co",
  SUPABASE_JWT_SECRET: "SUPABASE_JWT_SECRET must be the project's JWT secret (32 characters or more)",
  PUBLIC_URL: "PUBLIC_URL must be an http(s) URL",
  WEB_DIST: "WEB_DIST must be a folder path",
  POLYMARKET_GAMMA_URL: "POLYMARKET_GAMMA_URL must be an http(s) URL",
  POLYMARKET_CLOB_URL: "POLYMARKET_CLOB_URL must be an http(s) URL",
  OPEN_TRADE_AUTH_DIR: "OPEN_TRADE_AUTH_DIR must be a folder path",
};

export type ApiEnv = z.infer<typeof envSchema>;

/** The only place the API reads process.env (the packages read their own variables). */
export function readApiEnv(source: NodeJS.ProcessEnv = process.env): ApiEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const advice = parsed.error.issues.map((issue) => ADVICE[String(issue.path[0])] ?? String(issue.path[0]));
    throw new Error(`Invalid API configuration: ${[...new Set(advice)].join("; ")}.`);
  }
  return parsed.data;
}
