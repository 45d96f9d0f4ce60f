import type { HealthReport } from "./http-server.ts";

export interface HealthInputs {
  /** When the scheduling loop last completed a pass; null before the first. */
  readonly lastTickAt: Date | null;
  readonly startedAt: Date;
  readonly now: Date;
  /** Longest acceptable gap between loop passes. */
  readonly maxTickAgeMs: number;
  /** Resolves when the database answers a trivial query; its rejection text is not reported. */
  readonly pingDatabase: () => Promise<void>;
  readonly pingTimeoutMs?: number;
}

/**
 * Healthy when the loop ticked recently and the database answers. A runner that has just started gets one
 * tick interval of grace, so an orchestrator does not kill it before its first pass.
 */
export async function checkHealth(inputs: HealthInputs): Promise<HealthReport> {
  const reference = inputs.lastTickAt ?? inputs.startedAt;
  const ageMs = inputs.now.getTime() - reference.getTime();
  const loopOk = ageMs <= inputs.maxTickAgeMs;
  const loop = {
    ok: loopOk,
    detail:
      inputs.lastTickAt === null
        ? loopOk
          ? "starting: no pass yet"
          : `no pass in ${Math.round(ageMs / 1000)} s since start`
        : `last pass ${Math.round(ageMs / 1000)} s ago`,
  };
  const database = await pingWithin(inputs.pingDatabase, inputs.pingTimeoutMs ?? 2_000);
  return { ok: loop.ok && database.ok, checks: { loop, database } };
}

async function pingWithin(ping: () => Promise<void>, timeoutMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const result = await Promise.race([ping().then(() => "ok" as const), timeout]);
    return result === "ok"
      ? { ok: true, detail: "answers" }
      : { ok: false, detail: `no answer within ${timeoutMs} ms` };
  } catch {
    return { ok: false, detail: "query failed" };
  } finally {
    clearTimeout(timer);
  }
}
