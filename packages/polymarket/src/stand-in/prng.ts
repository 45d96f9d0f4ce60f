// mulberry32: tiny, fast and fully determined by a 32-bit seed. Only integer outputs are exposed, so
// simulated prices and sizes are built from integer micro-units and never pass through a float.

export interface Prng {
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** Uniform bigint in [min, max] (inclusive); the range must fit in 32 bits. */
  bigint(min: bigint, max: bigint): bigint;
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const int = (min: number, max: number): number => {
    if (max < min) throw new Error(`prng range is empty: [${min}, ${max}]`);
    return min + (nextUint32() % (max - min + 1));
  };
  return {
    int,
    bigint: (min, max) => min + BigInt(int(0, Number(max - min))),
  };
}
