import { afterEach, describe, expect, it } from "vitest";
import { checkHealth } from "./health-check.ts";
import { type ObserveServer, startObserveServer } from "./http-server.ts";
import { createMetrics } from "./metrics.ts";

const NOW = new Date("2026-11-25T12:00:00.000Z");
const ago = (s: number) => new Date(NOW.getTime() - s * 1000);
const ok = async () => {};
const fails = async () => {
  throw new Error("password authentication failed for user app (secret=abc)");
};
const hangs = () => new Promise<void>(() => {});

describe("checkHealth", () => {
  it.each<[string, Date | null, Date, () => Promise<void>, boolean, boolean]>([
    ["the loop ticked 5 s ago and the db answers", ago(5), ago(600), ok, true, true],
    ["the loop has not ticked but started 10 s ago", null, ago(10), ok, true, true],
    ["the loop has not ticked for 2 minutes since start", null, ago(120), ok, false, true],
    ["the last tick is 2 minutes old", ago(120), ago(600), ok, false, true],
    ["the db query fails", ago(5), ago(600), fails, true, false],
    ["the db does not answer", ago(5), ago(600), hangs, true, false],
  ])("when %s then the report says so", async (_name, lastTickAt, startedAt, ping, loopOk, dbOk) => {
    const report = await checkHealth({
      lastTickAt,
      startedAt,
      now: NOW,
      maxTickAgeMs: 60_000,
      pingDatabase: ping,
      pingTimeoutMs: 50,
    });
    expect([report.ok, report.checks.loop?.ok, report.checks.database?.ok]).toEqual([
      loopOk && dbOk,
      loopOk,
      dbOk,
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
