import { MICROS } from "@open-trade/risk-engine";
import type { MarketSpec } from "./market-factory.ts";
import type { LevelInput } from "./order-book.ts";
import type { Prng } from "./prng.ts";

const SIM = "[Simulated]";

/** The seeded catalogue: several categories, one neg-risk event with three candidates. */
export const SIMULATED_SPECS: readonly MarketSpec[] = [
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
  { category: "Sports", question: `${SIM} Will the Shelbyville Sharks reach the playoffs?` },
  { category: "Economics", question: `${SIM} Will the central bank cut rates at its next meeting?` },
  { category: "Economics", question: `${SIM} Will year-on-year CPI exceed 3% in the next report?` },
  { category: "Science", question: `${SIM} Will a crewed lunar landing happen before 2029?` },
  { category: "Culture", question: `${SIM} Will the year's top film gross over $1B worldwide?` },
];

export interface HouseBook {
  readonly bids: LevelInput[];
  readonly asks: LevelInput[];
}

const DEPTH = 8;

/** House liquidity around `mid`: DEPTH levels each side, one tick apart, sizes with two decimals. */
export function houseBook(mid: bigint, tick: bigint, prng: Prng): HouseBook {
  const size = (): bigint => prng.bigint(20n, 500n) * MICROS + prng.bigint(0n, 99n) * 10_000n;
  const halfSpread = prng.bigint(1n, 2n) * tick;
  const bids: LevelInput[] = [];
  const asks: LevelInput[] = [];
  for (let i = 0n; i < BigInt(DEPTH); i += 1n) {
    const bid = mid - halfSpread - i * tick;
    const ask = mid + halfSpread + i * tick;
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

/** One random-walk step of a mid price, in ticks, kept away from 0 and 1. */
export function stepMid(mid: bigint, tick: bigint, prng: Prng): bigint {
  const moved = mid + prng.bigint(0n, 4n) * tick - 2n * tick;
  const floor = 4n * tick;
  const ceiling = MICROS - 4n * tick;
  return moved < floor ? floor : moved > ceiling ? ceiling : moved;
}

/** A starting mid on the tick grid between 10% and 90%. */
export function initialMid(tick: bigint, prng: Prng): bigint {
  const steps = (MICROS - 2n * (MICROS / 10n)) / tick;
  return MICROS / 10n + prng.bigint(0n, steps > 4_000_000_000n ? 4_000_000_000n : steps) * tick;
}
