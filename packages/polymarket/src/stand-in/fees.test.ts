import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { takerFee } from "./fees.ts";

describe("takerFee", () => {
  it("when an order has several fills then the fee is rounded once over all of them", () => {
    // each 1 micro-share alone would round up to 1 micro-USD; together 3 * 0.0175 rounds up to 1
    const fills = [1n, 1n, 1n].map((shares) => ({ shares, price: 500_000n }));
    expect(takerFee(fills, 700, 1)).toBe(1n);
  });

  it.each([
    // 100 shares at 0.5, 7% (700 bps), exponent 1: 100 * 0.07 * 0.25 = 1.75 USD
    [100_000_000n, 500_000n, 700, 1, 1_750_000n],
    // exponent 0: flat 1% of the share count
    [10_000_000n, 300_000n, 100, 0, 100_000n],
    // 1 micro-share still pays a micro-USD (rounded up)
    [1n, 500_000n, 700, 1, 1n],
    [50_000_000n, 500_000n, 0, 1, 0n],
  ])(
    "when %s micro-shares at %s with %s bps, exponent %s then the fee is %s",
    (shares, price, bps, exp, expected) => {
      expect(takerFee([{ shares, price }], bps, exp)).toBe(expected);
    },
  );

  it("when the rate is positive and shares are bought inside (0,1) then a fee is always charged", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 999_999n }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 2 }),
        (shares, price, bps, exponent) => {
          expect(takerFee([{ shares, price }], bps, exponent) > 0n).toBe(true);
        },
      ),
    );
  });
});
