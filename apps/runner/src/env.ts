import { hostname } from "node:os";
import { type DbEnv, readDbEnv } from "@open-trade/db";
import { endpointUrlSchema, type LlmEnv, readLlmEnv } from "@open-trade/llm";
import { z } from "zod";

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  MARKET_DATA: z.enum(["auto", "sim", "polymarket"]).default("auto"),
  // Live orders carry the user's API credentials to the CLOB: https, or http only to this machine.
  POLYMARKET_CLOB_URL: endpointUrlSchema.optional(),
  POLYMARKET_GAMMA_URL: endpointUrlSchema.optional(),
  RUNNER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  RUNNER_ID: z
    .string()
    .regex(/^[\w.:-]{1,100}$/)
    .optional(),
  /** A dead runner's leases and coordination locks are taken over after these. */
  RUNNER_LEASE_SECONDS: z.coerce.number().int().min(2).max(3_600).default(120),
  RUNNER_LOCK_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  RUNNER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  /** 0 turns the metrics/health server off. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  MAIN_RUN_SECONDS: z.coerce.number().positive().max(86_400).optional(),
  SEED_DEMO: flag.default(true),
});

// Advice per variable, never the value: a key pasted into the wrong variable must not reach a log.
const ADVICE: Record<string, string> = {
  MARKET_DATA: "MARKET_DATA must be auto, sim or polymarket",
  RUNNER_CONCURRENCY: "RUNNER_CONCURRENCY must be a whole number from 1 to 64",
  POLYMARKET_CLOB_URL:
    "POLYMARKET_CLOB_URL must be an https URL such as https://clob.polymarket.com (plain http only to 127.0.0.1 or localhost), with no user or password in it",
  POLYMARKET_GAMMA_URL:
    "POLYMARKET_GAMMA_URL must be an https URL such as https://gamma-api.polymarket.com (plain http only to 127.0.0.1 or localhost)",
  RUNNER_LEASE_SECONDS: "RUNNER_LEASE_SECONDS must be a whole number of seconds from 2 to 3600",
  RUNNER_LOCK_SECONDS: "RUNNER_LOCK_SECONDS must be a whole number of seconds from 1 to 3600",
  RUNNER_POLL_MS: "RUNNER_POLL_MS must be a whole number of milliseconds from 10 to 60000",
  RUNNER_ID: "RUNNER_ID may use letters, digits, '.', ':', '_' and '-' (at most 100)",
  METRICS_PORT: "METRICS_PORT must be a port number, or 0 to turn the metrics server off",
  LOG_LEVEL: "LOG_LEVEL must be debug, info, warn or error",
  MAIN_RUN_SECONDS: "MAIN_RUN_SECONDS must be a positive number of seconds (at most a day)",
  SEED_DEMO: "SEED_DEMO must be true or false",
};

export interface RunnerEnv {
  readonly db: DbEnv;
  readonly llm: LlmEnv;
  readonly marketData: "auto" | "sim" | "polymarket";
  /** Polymarket's endpoints, or a proxy or stand-in in their place (unset: the public ones). */
  readonly clobUrl: string | undefined;
  readonly gammaUrl: string | undefined;
  readonly leaseMs: number;
  readonly lockMs: number;
  readonly pollMs: number;
  readonly concurrency: number;
  readonly runnerId: string;
  readonly metricsPort: number;
  readonly logLevel: "debug" | "info" | "warn" | "error";
  readonly runSeconds: number | undefined;
  readonly seedDemo: boolean;
  /** Values the logger must never print, whatever field or text they turn up in. */
  readonly secrets: readonly string[];
}

/** The only place the runner reads process.env; the db and llm packages get the same snapshot. */
export function readRunnerEnv(source: NodeJS.ProcessEnv = process.env): RunnerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const advice = parsed.error.issues.map((issue) => ADVICE[String(issue.path[0])] ?? String(issue.path[0]));
    throw new Error(`Invalid runner configuration: ${[...new Set(advice)].join("; ")}.`);
  }
  const db = readDbEnv(source);
  const llm = readLlmEnv(source);
  const e = parsed.data;
  return {
    db,
    llm,
    marketData: e.MARKET_DATA,
    clobUrl: e.POLYMARKET_CLOB_URL,
    gammaUrl: e.POLYMARKET_GAMMA_URL,
    leaseMs: e.RUNNER_LEASE_SECONDS * 1_000,
    lockMs: e.RUNNER_LOCK_SECONDS * 1_000,
    pollMs: e.RUNNER_POLL_MS,
    concurrency: e.RUNNER_CONCURRENCY,
    runnerId: e.RUNNER_ID ?? `${hostname()}:${process.pid}`,
    metricsPort: e.METRICS_PORT,
    logLevel: e.LOG_LEVEL,
    runSeconds: e.MAIN_RUN_SECONDS,
    seedDemo: e.SEED_DEMO,
    secrets: secretValues(db, llm),
  };
}

function secretValues(db: DbEnv, llm: LlmEnv): string[] {
  const out: string[] = [];
  if (llm.apiKey) out.push(llm.apiKey);
  // Key lists are `id:base64key,...`; each key and the whole string are secrets.
  for (const keys of [db.OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS, db.OPEN_TRADE_CREDENTIAL_KEYS]) {
    if (!keys) continue;
    out.push(keys);
    for (const entry of keys.split(/[,;\s]+/)) {
      const key = entry.slice(entry.indexOf(":") + 1);
      if (key) out.push(key);
    }
  }
  if (db.DATABASE_URL) {
    const password = safePassword(db.DATABASE_URL);
    if (password) out.push(password);
  }
  return out;
}

function safePassword(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}
