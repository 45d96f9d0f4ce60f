// Starts the whole product for browser journeys: a fresh PostgreSQL database, the stand-in exchange, the
// runner and the API (serving the built SPA) as separate processes. One function, so the embedded one-process
// launcher can replace its body later without touching the journeys.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type StandInExchange, startStandInExchange } from "@open-trade/polymarket";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const webDist = fileURLToPath(new URL("../dist/", import.meta.url));

export interface Product {
  /** The page to open, on 127.0.0.1. */
  readonly url: string;
  readonly exchange: StandInExchange;
  /** The fresh database the API and runner share. */
  readonly databaseUrl: string;
  /** What the API and runner printed, for a failing test's message. */
  logs(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

function psql(adminUrl: string, statement: string) {
  execFileSync("psql", [adminUrl, "-v", "ON_ERROR_STOP=1", "-qc", statement], { stdio: "pipe" });
}

function start(name: string, args: string[], env: NodeJS.ProcessEnv, log: string[]): ChildProcess {
  // Own process group, so stopping kills tsx and its node child together, by id.
  const child = spawn("pnpm", args, { cwd: repo, env: { ...process.env, ...env }, detached: true });
  const keep = (chunk: Buffer) => log.push(`[${name}] ${chunk.toString()}`);
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return child;
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = once(child, "exit");
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

async function waitFor(url: string, children: ChildProcess[], log: string[], timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (children.some((c) => c.exitCode !== null))
      throw new Error(`A process exited early:\n${log.join("")}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${log.join("")}`);
}

/** Needs DATABASE_URL pointing at a PostgreSQL server (any database: a fresh one is created beside it). */
export async function startProduct(): Promise<Product> {
  const base = process.env.DATABASE_URL;
  if (!base)
    throw new Error("Set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run journeys.");
  const admin = new URL(base);
  admin.pathname = "/postgres";
  const name = `open_trade_web_e2e_${Date.now()}_${process.pid}`;
  psql(admin.href, `create database ${name}`);
  const db = new URL(base);
  db.pathname = `/${name}`;

  const exchange = await startStandInExchange({ seed: 7, tickMs: 60_000 });
  const apiPort = await freePort();
  const url = `http://127.0.0.1:${apiPort}`;
  const common = {
    DATABASE_URL: db.href,
    POLYMARKET_GAMMA_URL: exchange.gammaUrl,
    POLYMARKET_CLOB_URL: exchange.clobUrl,
    MARKET_DATA: "polymarket",
    LOG_LEVEL: "warn",
  };
  const log: string[] = [];
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    await exchange.close();
    psql(admin.href, `drop database if exists ${name} with (force)`);
  };
  try {
    // The API migrates the fresh database and serves the SPA; the runner starts on the migrated schema.
    children.push(
      start(
        "api",
        ["--filter", "@open-trade/api", "start"],
        {
          ...common,
          PORT: String(apiPort),
          HOST: "127.0.0.1",
          PUBLIC_URL: url,
          WEB_DIST: webDist,
          OPEN_TRADE_AUTH_DIR: mkdtempSync(join(tmpdir(), "open-trade-auth-")),
        },
        log,
      ),
    );
    await waitFor(`${url}/api/config`, children, log);
    const metricsPort = await freePort();
    children.push(
      start(
        "runner",
        ["--filter", "@open-trade/runner", "start"],
        { ...common, METRICS_PORT: String(metricsPort), RUNNER_POLL_MS: "200", SEED_DEMO: "true" },
        log,
      ),
    );
    await waitFor(`http://127.0.0.1:${metricsPort}/healthz`, children, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, exchange, databaseUrl: db.href, logs: () => log.join(""), stop };
}
