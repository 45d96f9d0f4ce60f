import { describe, expect, it } from "vitest";
import { isSimulated, questionText } from "./simulated.ts";

describe("simulated markets", () => {
  it.each([
    [{ question: "[Simulated] Will it rain?" }, true],
    [{ question: "[simulated]Will it rain?" }, true],
    [{ question: "Will it rain?", slug: "simulated-will-it-rain" }, true],
    [{ question: "Will it rain?", slug: "will-it-rain" }, false],
    [{ question: "Is [Simulated] a word?" }, false],
  ])("when the market is %o then simulated is %s", (market, expected) => {
    expect(isSimulated(market)).toBe(expected);
  });

  it("when the question carries the prefix then the text shown drops it", () => {
    expect(questionText("[Simulated] Will it rain?")).toBe("Will it rain?");
    expect(questionText("Will it rain?")).toBe("Will it rain?");
  });
});
