import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateTokens } from "./estimate-tokens.ts";

describe("estimateTokens", () => {
  it.each([
    ["", 0],
    ["hello", 2],
    ["a b c", 3],
    ["1234567", 3],
    ['{"a":1}', 7],
    ["Will BTC close above 100000?", 9],
  ])("when the text is %j then the estimate is %i", (text, tokens) => {
    expect(estimateTokens(text)).toBe(tokens);
  });

  it("when two texts are joined by a space then the estimate is bounded by its parts", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(estimateTokens(`${a} ${b}`)).toBeLessThanOrEqual(estimateTokens(a) + estimateTokens(b) + 1);
        expect(estimateTokens(`${a} ${b}`)).toBeGreaterThanOrEqual(
          Math.max(estimateTokens(a), estimateTokens(b)),
        );
      }),
    );
  });
});
