// Starts the whole product for browser journeys the way `npm start` does: the embedded launcher (API, runner
// and the built SPA in one process, on PGlite in a fresh temporary data folder), against a stand-in exchange
// this test starts and controls. No PostgreSQL is needed; DATABASE_URL is ignored.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type StandInExchange, startStandInExchange } from "@open-trade/polymarket";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const webDist = fileURLToPath(new URL("../dist/", import.meta.url));

export interface Product extends Embedded {
  readonly exchange: StandInExchange;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, "exit");
  // Own process group (pnpm, tsx and node): SIGINT is what Ctrl-C sends, so the launcher drains and closes.
  process.kill(-child.pid, "SIGINT");
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

async function waitFor(url: string, child: ChildProcess, log: string[], timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The launcher exited early:\n${log.join("")}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${log.join("")}`);
}

export interface Embedded {
  /** The page to open, on 127.0.0.1. */
  readonly url: string;
  /** What the launcher printed, for a failing test's message. */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * The embedded launcher (`pnpm --filter @open-trade/api embedded`, what `npm start` runs) on a fresh PGlite in
 * temporary folders, on a free port, with `env` on top (market data, seeding, logging). Resolves once
 * `/api/config` answers; `stop` sends what Ctrl-C sends and removes the folders.
 */
export async function startEmbedded(env: NodeJS.ProcessEnv): Promise<Embedded> {
  const dataDir = mkdtempSync(join(tmpdir(), "open-trade-embedded-data-"));
  const authDir = mkdtempSync(join(tmpdir(), "open-trade-embedded-auth-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn("pnpm", ["--filter", "@open-trade/api", "embedded"], {
    cwd: repo,
    detached: true,
    env: {
      ...inherited,
      OPEN_TRADE_DATA_DIR: dataDir,
      OPEN_TRADE_AUTH_DIR: authDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      WEB_DIST: webDist,
      METRICS_PORT: "0",
      ...env,
    },
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => log.push(chunk.toString());
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = async () => {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(authDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${url}/api/config`, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, logs: () => log.join(""), stop };
}

/** The embedded launcher against a stand-in exchange this test starts and controls. */
export async function startProduct(): Promise<Product> {
  const exchange = await startStandInExchange({ seed: 7, tickMs: 60_000 });
  try {
    const embedded = await startEmbedded({
      POLYMARKET_GAMMA_URL: exchange.gammaUrl,
      POLYMARKET_CLOB_URL: exchange.clobUrl,
      MARKET_DATA: "polymarket",
      RUNNER_POLL_MS: "200",
      SEED_DEMO: "true",
      LOG_LEVEL: "warn",
    });
    const stop = async () => {
      await embedded.stop();
      await exchange.close();
    };
    return { url: embedded.url, exchange, logs: embedded.logs, stop };
  } catch (error) {
    await exchange.close();
    throw error;
  }
}
