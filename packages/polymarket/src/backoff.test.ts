import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff.ts";

const POLICY = { initialMs: 100, maxMs: 5_000 };

describe("backoffDelay", () => {
  it.each([
    [0, 0.999, 99],
    [3, 0.5, 400],
    [10, 0.999, 4_995],
    [10, 0, 0],
  ])("when attempt %i draws %f then the wait is %i ms", (attempt, draw, wait) => {
    expect(backoffDelay(attempt, POLICY, () => draw)).toBe(wait);
  });

  it("when any attempt is made then the wait stays within 0..max", () => {
    fc.assert(
      fc.property(fc.nat(1_000), fc.double({ min: 0, max: 0.999_999, noNaN: true }), (attempt, draw) => {
        const wait = backoffDelay(attempt, POLICY, () => draw);
        return wait >= 0 && wait < POLICY.maxMs;
      }),
    );
  });
});
