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

export interface Product {
  /** The page to open, on 127.0.0.1. */
  readonly url: string;
  readonly exchange: StandInExchange;
  /** What the launcher printed, for a failing test's message. */
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

/** The embedded launcher (`pnpm --filter @open-trade/api embedded`, what `npm start` runs) on a fresh PGlite. */
export async function startProduct(): Promise<Product> {
  const exchange = await startStandInExchange({ seed: 7, tickMs: 60_000 });
  const dataDir = mkdtempSync(join(tmpdir(), "open-trade-e2e-data-"));
  const authDir = mkdtempSync(join(tmpdir(), "open-trade-e2e-auth-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn("pnpm", ["--filter", "@open-trade/api", "embedded"], {
    cwd: repo,
    detached: true,
    env: {
      ...env,
      OPEN_TRADE_DATA_DIR: dataDir,
      OPEN_TRADE_AUTH_DIR: authDir,
      POLYMARKET_GAMMA_URL: exchange.gammaUrl,
      POLYMARKET_CLOB_URL: exchange.clobUrl,
      MARKET_DATA: "polymarket",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      WEB_DIST: webDist,
      METRICS_PORT: "0",
      RUNNER_POLL_MS: "200",
      SEED_DEMO: "true",
      LOG_LEVEL: "warn",
    },
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => log.push(chunk.toString());
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = async () => {
    await stopChild(child);
    await exchange.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(authDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${url}/api/config`, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, exchange, logs: () => log.join(""), stop };
}
