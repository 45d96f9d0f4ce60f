import { describe, expect, it } from "vitest";
import { createPrng } from "./prng.ts";
import { drawDynamics, initialFairPrice, moveFairPrice } from "./simulated-price-model.ts";

const TICK = 10_000n;
const STEP_MS = 5_000;
const CENT = 10_000n;

/** One market's fair prices over `steps` steps of `stepMs` (5 s by default), from a seed. */
function path(seed: number, steps: number, stepMs = STEP_MS): { prices: bigint[]; jumps: number } {
  const prng = createPrng(seed);
  const dynamics = drawDynamics(prng);
  const prices = [initialFairPrice(prng)];
  let jumps = 0;
  for (let i = 0; i < steps; i += 1) {
    const step = moveFairPrice(prices.at(-1) as bigint, dynamics, stepMs, TICK, prng);
    prices.push(step.fair);
    if (step.jumped) jumps += 1;
  }
  return { prices, jumps };
}

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);
const absMove = (prices: bigint[]) => {
  const move = (prices.at(-1) as bigint) - (prices[0] as bigint);
  return move < 0n ? -move : move;
};
const median = (values: bigint[]) =>
  [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[values.length >> 1];

describe("simulated price model", () => {
  it("when 300 markets run for a simulated hour then the median absolute move is a few cents", () => {
    const moves = SEEDS.map((seed) => absMove(path(seed, 720).prices));
    const typical = median(moves) as bigint;
    expect(typical >= CENT && typical <= 4n * CENT).toBe(true);
  });

  it("when 300 markets run for five minutes then almost none moves 10 cents", () => {
    const large = SEEDS.filter((seed) => absMove(path(seed, 60).prices) >= 10n * CENT);
    expect(large.length).toBeLessThanOrEqual(3);
  });

  it("when 300 markets run for a simulated day then news jumps arrive 1 to 4 times a day on average", () => {
    const jumps = SEEDS.reduce((sum, seed) => sum + path(seed, 1_440, 60_000).jumps, 0);
    expect(jumps / SEEDS.length).toBeGreaterThan(1.5);
    expect(jumps / SEEDS.length).toBeLessThan(3.5);
  });

  it("when the same seed runs twice then the path is identical, and another seed's differs", () => {
    expect(path(42, 500)).toEqual(path(42, 500));
    expect(path(42, 500).prices).not.toEqual(path(43, 500).prices);
  });

  it("when a price walks for a simulated week then it stays 2% away from 0 and 1", () => {
    const { prices } = path(7, 10_080, 60_000);
    expect(prices.every((p) => p >= 20_000n && p <= 980_000n)).toBe(true);
  });

  it.each([
    [60_000, 720],
    [3_600_000, 12],
  ])("when steps of %i ms cover the same time then the spread of moves is alike", (stepMs, steps) => {
    // Per wall-clock time, not per step: the typical move over 12 hours barely depends on the step size.
    const moves = SEEDS.map((seed) => {
      const prng = createPrng(seed);
      const dynamics = { ...drawDynamics(prng), jumpsPerDay: 0 };
      let fair = 500_000n;
      for (let i = 0; i < steps; i += 1) fair = moveFairPrice(fair, dynamics, stepMs, TICK, prng).fair;
      return fair > 500_000n ? fair - 500_000n : 500_000n - fair;
    });
    const typical = median(moves) as bigint;
    // 12 hours at 1-4 cents per sqrt(hour): a median near 0.674 * 2.5 * sqrt(12), about 6 cents.
    expect(typical >= 4n * CENT && typical <= 8n * CENT).toBe(true);
  });
});
