import type { Clock, Random } from "./ports.ts";

/** The production clock: the only place this package reads real time. */
export const systemClock: Clock = {
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const systemRandom: Random = { next: () => Math.random() };
