import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPrng } from "./prng.ts";

const draw = (seed: number, count: number): number[] => {
  const prng = createPrng(seed);
  return Array.from({ length: count }, () => prng.int(0, 1_000_000));
};

describe("createPrng", () => {
  it("when two generators share a seed then they produce the same sequence", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        expect(draw(seed, 20)).toEqual(draw(seed, 20));
      }),
    );
  });

  it.each([
    [1, 2],
    [42, 43],
  ])("when seeds %s and %s differ then the sequences differ", (a, b) => {
    expect(draw(a, 10)).not.toEqual(draw(b, 10));
  });

  it("when drawing in a range then every value stays inside it", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 100 }),
        (seed, min, width) => {
          const prng = createPrng(seed);
          const value = prng.int(min, min + width);
          expect(value).toBeGreaterThanOrEqual(min);
          expect(value).toBeLessThanOrEqual(min + width);
          const big = prng.bigint(BigInt(min), BigInt(min + width));
          expect(big >= BigInt(min) && big <= BigInt(min + width)).toBe(true);
        },
      ),
    );
  });

  it("when the range is empty then it throws", () => {
    expect(() => createPrng(1).int(5, 4)).toThrow();
  });
});
