import type { Clock, Random } from "../ports.ts";

/** A clock that only moves when something sleeps, recording each sleep so tests can assert on backoff. */
export function fakeClock(
  startMs = Date.UTC(2026, 10, 25, 12),
): Clock & { sleeps: number[]; advance(ms: number): void } {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    nowMs: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

export const fixedRandom = (value: number): Random => ({ next: () => value });
