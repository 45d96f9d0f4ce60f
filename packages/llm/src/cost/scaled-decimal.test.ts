import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatScaled, parseScaledCeil } from "./scaled-decimal.ts";

describe("parseScaledCeil", () => {
  it.each([
    ["0.00000015", 12, 150_000n, true],
    ["0.000003", 12, 3_000_000n, true],
    ["1.5e-7", 12, 150_000n, true],
    ["2E-3", 6, 2_000n, true],
    ["0.0000001", 6, 1n, false],
    ["0.0000019", 6, 2n, false],
    ["-0.0000019", 6, -1n, false],
    ["12", 6, 12_000_000n, true],
  ])("when %s at scale %i then %s (exact %s)", (literal, scale, value, exact) => {
    expect(parseScaledCeil(literal, scale)).toEqual({ value, exact });
  });

  it.each(["", "abc", "1.", ".5", "1e999", "0x10", "1,5"])("when %j then null", (literal) => {
    expect(parseScaledCeil(literal, 6)).toBeNull();
  });

  it("when a scaled value is formatted and parsed back then it is unchanged", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 18 }),
        (v, s) => {
          expect(parseScaledCeil(formatScaled(v, s), s)).toEqual({ value: v, exact: true });
        },
      ),
    );
  });
});
