import { describe, expect, it } from "vitest";
import { readRunnerEnv } from "./env.ts";

const errorOf = (source: NodeJS.ProcessEnv) => {
  try {
    readRunnerEnv(source);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
};

describe("readRunnerEnv", () => {
  it("when nothing is set then the embedded defaults apply", () => {
    const env = readRunnerEnv({});
    expect({
      marketData: env.marketData,
      concurrency: env.concurrency,
      metricsPort: env.metricsPort,
      logLevel: env.logLevel,
      runSeconds: env.runSeconds,
      seedDemo: env.seedDemo,
      leaseMs: env.leaseMs,
      lockMs: env.lockMs,
      pollMs: env.pollMs,
      apiKey: env.llm.apiKey,
      databaseUrl: env.db.DATABASE_URL,
      secrets: env.secrets,
    }).toEqual({
      marketData: "auto",
      concurrency: 4,
      metricsPort: 9464,
      logLevel: "info",
      runSeconds: undefined,
      seedDemo: true,
      leaseMs: 120_000,
      lockMs: 60_000,
      pollMs: 1_000,
      apiKey: undefined,
      databaseUrl: undefined,
      secrets: [],
    });
    expect(env.runnerId).toMatch(/:\d+$/);
  });

  it.each<[string, NodeJS.ProcessEnv, Record<string, unknown>]>([
    ["MARKET_DATA=sim", { MARKET_DATA: "sim" }, { marketData: "sim" }],
    ["MAIN_RUN_SECONDS=3", { MAIN_RUN_SECONDS: "3" }, { runSeconds: 3 }],
    ["SEED_DEMO=false", { SEED_DEMO: "false" }, { seedDemo: false }],
    ["METRICS_PORT=0", { METRICS_PORT: "0" }, { metricsPort: 0 }],
    [
      "RUNNER_ID and concurrency",
      { RUNNER_ID: "r-1", RUNNER_CONCURRENCY: "8" },
      { runnerId: "r-1", concurrency: 8 },
    ],
    [
      "the Polymarket endpoints",
      { POLYMARKET_CLOB_URL: "http://127.0.0.1:4001", POLYMARKET_GAMMA_URL: "http://127.0.0.1:4001/gamma" },
      { clobUrl: "http://127.0.0.1:4001", gammaUrl: "http://127.0.0.1:4001/gamma" },
    ],
    [
      "lease, lock and poll timings",
      { RUNNER_LEASE_SECONDS: "5", RUNNER_LOCK_SECONDS: "3", RUNNER_POLL_MS: "50" },
      { leaseMs: 5_000, lockMs: 3_000, pollMs: 50 },
    ],
  ])("when %s then it is read", (_name, source, expected) => {
    expect(readRunnerEnv(source)).toMatchObject(expected);
  });

  it("when secrets are configured then their values are listed for the logger to remove", () => {
    const env = readRunnerEnv({
      OPENROUTER_API_KEY: "sk-or-v1-abcdef",
      OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS: "k1:QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=,k2:MTIzNDU2Nzg5MA==",
      DATABASE_URL: "postgres://app:p%40ss-word@db.local:5432/open_trade",
    });
    expect(env.secrets).toEqual(
      expect.arrayContaining([
        "sk-or-v1-abcdef",
        "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=",
        "MTIzNDU2Nzg5MA==",
        "p@ss-word",
      ]),
    );
  });

  it.each<[string, NodeJS.ProcessEnv, string]>([
    ["an unknown market data source", { MARKET_DATA: "live" }, "MARKET_DATA must be auto, sim or polymarket"],
    ["a zero concurrency", { RUNNER_CONCURRENCY: "0" }, "RUNNER_CONCURRENCY"],
    ["a port out of range", { METRICS_PORT: "70000" }, "METRICS_PORT"],
    ["a negative run time", { MAIN_RUN_SECONDS: "-1" }, "MAIN_RUN_SECONDS"],
    ["a CLOB address that is not a URL", { POLYMARKET_CLOB_URL: "clob.local" }, "POLYMARKET_CLOB_URL"],
    [
      "a CLOB reached by plain http over the network",
      { POLYMARKET_CLOB_URL: "http://clob.example.com" },
      "POLYMARKET_CLOB_URL must be an https URL",
    ],
    ["a lease shorter than two seconds", { RUNNER_LEASE_SECONDS: "1" }, "RUNNER_LEASE_SECONDS"],
  ])("when given %s then it says which variable is wrong", (_name, source, expected) => {
    expect(errorOf(source)).toContain(expected);
  });

  it("when a secret lands in a checked variable then the error does not echo it", () => {
    const message = errorOf({ LOG_LEVEL: "sk-or-v1-leakedkey" });
    expect(message).toContain("LOG_LEVEL");
    expect(message).not.toContain("leakedkey");
  });
});
