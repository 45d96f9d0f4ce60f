import type { HealthReport } from "./http-server.ts";

/** What the queue looks like right now: bots due and not leased, and how long the oldest has waited. */
export interface QueueSnapshot {
  readonly dueBots: number;
  readonly oldestDueAt: Date | null;
}

export interface HealthInputs {
  readonly now: Date;
  /** How long a due bot may wait unclaimed before the loop counts as stuck. */
  readonly maxLagMs: number;
  /** One query answers both questions: the database is up, and the loop is claiming what is due. */
  readonly readQueue: () => Promise<QueueSnapshot>;
  readonly timeoutMs?: number;
}

/**
 * Healthy when the database answers and no due bot has waited longer than `maxLagMs`. Judging the loop by
 * the work it leaves undone (not by a heartbeat) also catches a loop that ticks but never claims anything.
 */
export async function checkHealth(inputs: HealthInputs): Promise<HealthReport> {
  const timeoutMs = inputs.timeoutMs ?? 2_000;
  const snapshot = await within(inputs.readQueue(), timeoutMs);
  if (snapshot === "timeout" || snapshot === "failed") {
    const detail = snapshot === "timeout" ? `no answer within ${timeoutMs} ms` : "query failed";
    return {
      ok: false,
      checks: {
        database: { ok: false, detail },
        loop: { ok: false, detail: "unknown: database unavailable" },
      },
    };
  }
  const lagMs = snapshot.oldestDueAt === null ? 0 : inputs.now.getTime() - snapshot.oldestDueAt.getTime();
  const loopOk = lagMs <= inputs.maxLagMs;
  const loop = {
    ok: loopOk,
    detail:
      snapshot.dueBots === 0
        ? "no bot waiting"
        : `${snapshot.dueBots} due, oldest waiting ${Math.round(lagMs / 1000)} s${loopOk ? "" : " (loop is not claiming)"}`,
  };
  return { ok: loopOk, checks: { database: { ok: true, detail: "answers" }, loop } };
}

async function within<T>(work: Promise<T>, timeoutMs: number): Promise<T | "timeout" | "failed"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } catch {
    return "failed";
  } finally {
    clearTimeout(timer);
  }
}
