import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMicros, MicrosError, mulDivCeil, parseMicros } from "./micros.ts";

describe("parseMicros", () => {
  it.each([
    ["0.5", 500_000n],
    ["12.25", 12_250_000n],
    ["0.000001", 1n],
    ["-3", -3_000_000n],
    ["100", 100_000_000n],
  ])("when given %s then it returns %s micro-units", (text, expected) => {
    expect(parseMicros(text)).toBe(expected);
  });

  it.each(["", "abc", "1e3", "0.0000001", "NaN", "1.", ".5"])(
    "when given %j then it throws MicrosError",
    (text) => {
      expect(() => parseMicros(text)).toThrow(MicrosError);
    },
  );
});

describe("formatMicros", () => {
  it.each([
    [500_000n, "0.5"],
    [3_000_000n, "3"],
    [1n, "0.000001"],
    [-1_250_000n, "-1.25"],
    [0n, "0"],
  ])("when given %s then it returns %s", (value, expected) => {
    expect(formatMicros(value)).toBe(expected);
  });

  it("when any value is formatted then parsing gives it back", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), (value) => {
        expect(parseMicros(formatMicros(value))).toBe(value);
      }),
    );
  });
});

describe("mulDivCeil", () => {
  it.each([
    [10n, 3n, 4n, 8n],
    [10n, 4n, 4n, 10n],
    [1n, 1n, 1_000_000n, 1n],
  ])("when %s * %s / %s then it rounds up to %s", (a, b, d, expected) => {
    expect(mulDivCeil(a, b, d)).toBe(expected);
  });
});
