// The embedded default (`npm start`): API, runner and web in one process on PGlite, simulated market data, the
// demo user signed in. Started on free ports with a throwaway data folder, for the overview's interactive time.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const webDist = fileURLToPath(new URL("../dist/", import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

export async function startEmbedded(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "open-trade-bench-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    METRICS_PORT: String(await freePort()),
    OPEN_TRADE_DATA_DIR: join(dir, "data"),
    OPEN_TRADE_AUTH_DIR: join(dir, "auth"),
    WEB_DIST: webDist,
    // The stand-in exchange in-process: no probe of the real Polymarket.
    MARKET_DATA: "sim",
  };
  delete env.DATABASE_URL;
  const log: string[] = [];
  // Own process group, so stopping ends tsx and its node child together, by id.
  const child: ChildProcess = spawn("pnpm", ["--filter", "@open-trade/api", "embedded"], {
    cwd: repo,
    env,
    detached: true,
  });
  child.stdout?.on("data", (c: Buffer) => log.push(c.toString()));
  child.stderr?.on("data", (c: Buffer) => log.push(c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = once(child, "exit");
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the embedded product exited:\n${log.join("")}`);
    if (
      await fetch(`${url}/api/config`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, stop };
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`the embedded product did not answer within 120 s:\n${log.join("")}`);
}
