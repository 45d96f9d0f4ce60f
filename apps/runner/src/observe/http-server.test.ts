import { afterEach, describe, expect, it } from "vitest";
import { checkHealth } from "./health-check.ts";
import { type ObserveServer, startObserveServer } from "./http-server.ts";
import { createMetrics } from "./metrics.ts";

const NOW = new Date("2026-11-25T12:00:00.000Z");
const ago = (s: number) => new Date(NOW.getTime() - s * 1000);
const queue = (dueBots: number, oldestDueAt: Date | null) => async () => ({ dueBots, oldestDueAt });
const fails = async () => {
  throw new Error("password authentication failed for user app (secret=abc)");
};
const hangs = () => new Promise<never>(() => {});

describe("checkHealth", () => {
  it.each<[string, () => Promise<{ dueBots: number; oldestDueAt: Date | null }>, boolean, boolean]>([
    ["no bot is due", queue(0, null), true, true],
    ["bots are due for 5 s", queue(3, ago(5)), true, true],
    ["a bot has waited 2 minutes unclaimed", queue(1, ago(120)), true, false],
    ["the db query fails", fails, false, false],
    ["the db does not answer", hangs, false, false],
  ])("when %s then the report says so", async (_name, readQueue, dbOk, loopOk) => {
    const report = await checkHealth({ now: NOW, maxLagMs: 60_000, readQueue, timeoutMs: 50 });
    expect([report.ok, report.checks.database?.ok, report.checks.loop?.ok]).toEqual([
      dbOk && loopOk,
      dbOk,
      loopOk,
    ]);
    expect(JSON.stringify(report)).not.toContain("secret");
  });
});

describe("startObserveServer", () => {
  let server: ObserveServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const start = async (healthy: boolean | "throws") => {
    const metrics = createMetrics();
    metrics.counter("open_trade_fills_total", "Fills.", { mode: "paper" }).inc(3);
    server = await startObserveServer({
      metrics,
      port: 0,
      health: async () => {
        if (healthy === "throws") throw new Error("boom");
        return { ok: healthy, checks: { loop: { ok: healthy, detail: "x" } } };
      },
    });
    return server.url;
  };

  it("when /metrics is fetched then it answers Prometheus text", async () => {
    const res = await fetch(`${await start(true)}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("version=0.0.4");
    expect(await res.text()).toContain('open_trade_fills_total{mode="paper"} 3\n');
  });

  it.each<[string, boolean | "throws", number, boolean]>([
    ["healthy", true, 200, true],
    ["unhealthy", false, 503, false],
    ["a failing check", "throws", 503, false],
  ])(
    "when the health check is %s then /healthz answers with its status code",
    async (_name, healthy, status, bodyOk) => {
      const res = await fetch(`${await start(healthy)}/healthz`);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { ok: boolean }).ok).toBe(bodyOk);
    },
  );

  it.each<[string, string, string, number]>([
    ["an unknown path", "GET", "/nope", 404],
    ["a POST", "POST", "/metrics", 405],
  ])("when %s is requested then it answers with an error status", async (_name, method, path, status) => {
    const res = await fetch(`${await start(true)}${path}`, { method });
    expect(res.status).toBe(status);
  });
});
