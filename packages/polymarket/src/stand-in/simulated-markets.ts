import { MICROS } from "@open-trade/risk-engine";
import type { MarketSpec } from "./market-factory.ts";
import type { LevelInput } from "./order-book.ts";
import type { Prng } from "./prng.ts";
import type { MarketDynamics } from "./simulated-price-model.ts";

const SIM = "[Simulated]";

export interface SimulatedSpec extends MarketSpec {
  /** Simulated minutes after start at which the market resolves, the winner drawn at its fair price. */
  readonly resolvesAfterMinutes?: number;
}

/** The seeded catalogue: several categories, one neg-risk event with three candidates, three that resolve. */
export const SIMULATED_SPECS: readonly SimulatedSpec[] = [
  {
    category: "Politics",
    question: `${SIM} Will the incumbent win the 2028 Freedonia presidential election?`,
  },
  ...["Ada Moreau", "Ben Okafor", "Chen Liu"].map((name) => ({
    category: "Politics",
    question: `${SIM} Will ${name} win the Sylvania mayoral race?`,
    eventTitle: `${SIM} Who will win the Sylvania mayoral race?`,
    negRisk: true,
  })),
  {
    category: "Crypto",
    question: `${SIM} Will BTC close above $150,000 on December 31, 2027?`,
    feeRateBps: 700,
  },
  { category: "Crypto", question: `${SIM} Will ETH trade above $8,000 before July 2027?`, tickSize: "0.001" },
  { category: "Sports", question: `${SIM} Will the Springfield Atoms win the 2027 championship?` },
  {
    category: "Sports",
    question: `${SIM} Will the Shelbyville Sharks reach the playoffs?`,
    resolvesAfterMinutes: 120,
  },
  {
    category: "Economics",
    question: `${SIM} Will the central bank cut rates at its next meeting?`,
    resolvesAfterMinutes: 45,
  },
  { category: "Economics", question: `${SIM} Will year-on-year CPI exceed 3% in the next report?` },
  { category: "Science", question: `${SIM} Will a crewed lunar landing happen before 2029?` },
  {
    category: "Culture",
    question: `${SIM} Will the year's top film gross over $1B worldwide?`,
    resolvesAfterMinutes: 360,
  },
];

export interface HouseBook {
  readonly bids: LevelInput[];
  readonly asks: LevelInput[];
}

const DEPTH = 8;
const SIZE_STEP = 10_000n;
const MIN_LEVEL = 5n * MICROS;

/**
 * House liquidity around the fair price: DEPTH levels a side, one tick apart, starting `halfSpreadTicks`
 * from the fair price rounded to the tick; sizes 50-150% of the market's mean depth, with two decimals.
 */
export function houseBook(fair: bigint, tick: bigint, dynamics: MarketDynamics, prng: Prng): HouseBook {
  const size = (): bigint => {
    const drawn = ((dynamics.meanDepth * BigInt(prng.int(50, 150))) / 100n / SIZE_STEP) * SIZE_STEP;
    return drawn < MIN_LEVEL ? MIN_LEVEL : drawn;
  };
  const center = ((fair + tick / 2n) / tick) * tick;
  const halfSpread = dynamics.halfSpreadTicks * tick;
  const bids: LevelInput[] = [];
  const asks: LevelInput[] = [];
  for (let i = 0n; i < BigInt(DEPTH); i += 1n) {
    const bid = center - halfSpread - i * tick;
    const ask = center + halfSpread + i * tick;
    if (bid >= tick) bids.push({ price: bid, size: size() });
    if (ask <= MICROS - tick) asks.push({ price: ask, size: size() });
  }
  return { bids, asks };
}

/** The complementary token's book: a bid for NO at 1-p mirrors an ask for YES at p, and vice versa. */
export function mirrorBook(book: HouseBook): HouseBook {
  return {
    bids: book.asks.map(({ price, size }) => ({ price: MICROS - price, size })),
    asks: book.bids.map(({ price, size }) => ({ price: MICROS - price, size })),
  };
}
