import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Connection, connect } from "@open-trade/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The real `pnpm start` entry point as a child process: env, signals and exit codes are part of what is tested.
const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));
let dataRoot: string;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function startMain(env: Record<string, string>): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    env: {
      PATH: process.env.PATH,
      MARKET_DATA: "sim",
      OPEN_TRADE_DATA_DIR: join(dataRoot, "pglite"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<Run>((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

async function counts(): Promise<{ bots: number; evaluations: number; paperFills: number; running: number }> {
  const connection: Connection = await connect({ kind: "pglite", dataDir: join(dataRoot, "pglite") });
  try {
    const { rows } = await connection.raw.query<{
      bots: number;
      evaluations: number;
      paper_fills: number;
      running: number;
    }>(
      `select (select count(*)::int from public.bots) as bots,
              (select count(*)::int from public.bot_evaluations) as evaluations,
              (select count(*)::int from public.bot_evaluations where outcome = 'running') as running,
              (select count(*)::int from public.trade_logs where type = 'paper') as paper_fills`,
    );
    const row = rows[0];
    return {
      bots: row?.bots ?? 0,
      evaluations: row?.evaluations ?? 0,
      paperFills: row?.paper_fills ?? 0,
      running: row?.running ?? 0,
    };
  } finally {
    await connection.close();
  }
}

beforeAll(async () => {
  dataRoot = await mkdtemp(join(tmpdir(), "open-trade-main-"));
});
afterAll(async () => {
  await rm(dataRoot, { recursive: true, force: true });
});

describe("pnpm start (main.ts)", { timeout: 240_000 }, () => {
  it("when run for a few seconds on simulated data then bots are evaluated, a paper fill is recorded and it exits 0", async () => {
    const port = await freePort();
    const { done } = startMain({ MAIN_RUN_SECONDS: "6", METRICS_PORT: String(port) });
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("SIMULATED");
    expect(run.stdout).toContain("| filled BUY");
    expect(run.stdout).toContain("Waiting for a model: set OPENROUTER_API_KEY");
    expect(run.stdout).toContain(`Metrics: http://127.0.0.1:${port}/metrics`);
    const after = await counts();
    expect(after).toMatchObject({ bots: 3, evaluations: 3, running: 0 });
    expect(after.paperFills).toBeGreaterThanOrEqual(1);
  });

  it("when run again then it continues from the stored state without seeding twice", async () => {
    const before = await counts();
    const run = await startMain({ MAIN_RUN_SECONDS: "2", METRICS_PORT: "0" }).done;
    expect(run.stdout).toMatch(
      /- Demo: cheap YES \(paper\): \(filled\) [\d:]+ before this start: Entry rules fired/,
    );
    expect([run.code, run.stdout.includes("Demo: bots already present")]).toEqual([0, true]);
    // The bots were evaluated minutes ago and poll every 5 minutes: nothing is due, nothing is repeated.
    expect(await counts()).toEqual(before);
  });

  it.each(["SIGINT", "SIGTERM"] as const)(
    "when sent %s then it drains and exits 0, having served /metrics and /healthz",
    async (signal) => {
      const port = await freePort();
      const { child, done } = startMain({ METRICS_PORT: String(port) });
      await new Promise<void>((resolve) => {
        const watch = (chunk: Buffer) => {
          if (chunk.toString().includes("Metrics: http://")) {
            child.stdout?.off("data", watch);
            resolve();
          }
        };
        child.stdout?.on("data", watch);
      });
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      const body = (await health.json()) as { checks: { database: { ok: boolean } } };
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      child.kill(signal);
      const run = await done;
      expect([health.status, body.checks.database.ok, metrics.status]).toEqual([200, true, 200]);
      expect(metrics.headers.get("content-type")).toContain("text/plain; version=0.0.4");
      expect([
        run.code,
        run.stdout.includes(`Stopping (${signal})`),
        run.stdout.includes("Stopped cleanly"),
      ]).toEqual([0, true, true]);
    },
  );

  it("when secrets are configured and the model endpoint fails then no secret reaches stdout or the logs", async () => {
    const apiKey = `sk-or-v1-${randomBytes(24).toString("hex")}`;
    const keyring = randomBytes(32).toString("base64");
    const run = await startMain({
      // A database of its own, so the bots are due and the model bot really calls out.
      OPEN_TRADE_DATA_DIR: join(dataRoot, "secrets"),
      MAIN_RUN_SECONDS: "2",
      METRICS_PORT: "0",
      LOG_LEVEL: "debug",
      OPENROUTER_API_KEY: apiKey,
      // Nothing listens on port 9: every model call fails, and failures are what tend to echo headers.
      OPENROUTER_BASE_URL: "http://127.0.0.1:9/api/v1",
      OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS: `k1:${keyring}`,
    }).done;
    const output = run.stdout + run.stderr;
    expect(run.code).toBe(0);
    expect(output).toContain('"event":"evaluation"');
    expect([output.includes(apiKey.slice(9)), output.includes(keyring)]).toEqual([false, false]);
  });

  it("when the configuration is wrong then it says which variable and exits 1", async () => {
    const run = await startMain({ MARKET_DATA: "nonsense" }).done;
    expect([run.code, run.stderr.includes("MARKET_DATA must be auto, sim or polymarket")]).toEqual([1, true]);
  });
});
