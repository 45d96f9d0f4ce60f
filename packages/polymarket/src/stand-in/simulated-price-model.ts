import { MICROS } from "@open-trade/risk-engine";
import type { Prng } from "./prng.ts";

const HOUR_MS = 3_600_000n;
const DAY_MS = 86_400_000;
const MILLIONTHS = 1_000_000;

/**
 * How one simulated market moves, drawn once per market from the seed. The model, in integers only:
 * a fair price follows a random walk whose spread grows with the square root of wall-clock time
 * (`hourlyMove` is its standard deviation over one hour), plus news jumps arriving as a Poisson process
 * (`jumpsPerDay`), each up or down by a uniform size in [maxJump / 4, maxJump]. The house quotes
 * `halfSpreadTicks` either side of the fair price, rounded to the tick, with levels of about `meanDepth`.
 */
export interface MarketDynamics {
  /** Micro-USD per sqrt(hour): 10_000 = a 1-cent standard deviation over one hour. */
  readonly hourlyMove: bigint;
  readonly jumpsPerDay: number;
  /** Micro-USD. */
  readonly maxJump: bigint;
  readonly halfSpreadTicks: bigint;
  /** Micro-shares per house level, on average. */
  readonly meanDepth: bigint;
}

/** Quiet to lively markets: 1-4 cents per hour, 1-4 jumps of up to 5-20 cents a day, 2-8 tick spreads. */
export function drawDynamics(prng: Prng): MarketDynamics {
  return {
    hourlyMove: prng.bigint(10_000n, 40_000n),
    jumpsPerDay: prng.int(1, 4),
    maxJump: prng.bigint(50_000n, 200_000n),
    halfSpreadTicks: prng.bigint(1n, 4n),
    // Thin to deep books, as on Polymarket: 25 to 3,200 shares a level, spread over powers of two.
    meanDepth: (25n << BigInt(prng.int(0, 6))) * prng.bigint(100n, 200n) * (MICROS / 100n),
  };
}

/** A starting fair price between 10% and 90%. */
export function initialFairPrice(prng: Prng): bigint {
  return prng.bigint(100_000n, 900_000n);
}

/** Fair prices stay where the house can still quote a bid and an ask: 2% from either end, or 4 ticks. */
export function fairBounds(tick: bigint): { readonly floor: bigint; readonly ceiling: bigint } {
  const floor = 4n * tick > 20_000n ? 4n * tick : 20_000n;
  return { floor, ceiling: MICROS - floor };
}

export interface PriceStep {
  readonly fair: bigint;
  readonly jumped: boolean;
}

/** The fair price `stepMs` of wall-clock time later. */
export function moveFairPrice(
  fair: bigint,
  dynamics: MarketDynamics,
  stepMs: number,
  tick: bigint,
  prng: Prng,
): PriceStep {
  const deviation = sqrt((dynamics.hourlyMove * dynamics.hourlyMove * BigInt(stepMs)) / HOUR_MS);
  let next = fair + (deviation * standardNormalThousandths(prng)) / 1_000n;
  const chance = Math.min(MILLIONTHS, Math.floor((dynamics.jumpsPerDay * stepMs * MILLIONTHS) / DAY_MS));
  const jumped = prng.int(0, MILLIONTHS - 1) < chance;
  if (jumped) {
    const size = prng.bigint(dynamics.maxJump / 4n, dynamics.maxJump);
    next += prng.int(0, 1) === 0 ? size : -size;
  }
  const { floor, ceiling } = fairBounds(tick);
  return { fair: next < floor ? floor : next > ceiling ? ceiling : next, jumped };
}

/** An approximately standard normal draw times 1,000: twelve uniforms summed (Irwin-Hall), in integers. */
function standardNormalThousandths(prng: Prng): bigint {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += prng.int(0, 1_000);
  return BigInt(sum - 6_000);
}

/** Integer square root (floor), by Newton's method. */
function sqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let root = value;
  let next = (value + 1n) / 2n;
  while (next < root) {
    root = next;
    next = (root + value / root) / 2n;
  }
  return root;
}
