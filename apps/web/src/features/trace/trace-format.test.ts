import { describe, expect, it } from "vitest";
import { confidencePercent, referencePrice, slippageWords } from "./trace-format.ts";

describe("confidencePercent", () => {
  it.each([
    ["0.7", "70%"],
    ["0.655", "65.5%"],
    ["1", "100%"],
    ["0", "0%"],
    ["0.12345", "12.35%"],
  ])("when the model reports %s then it reads %s", (value, expected) => {
    expect(confidencePercent(value)).toBe(expected);
  });
});

describe("slippageWords", () => {
  it.each([
    ["12.5", "12.5 bps worse"],
    ["-3", "3 bps better"],
    ["0", "none"],
    ["0.004", "none"],
    [null, "—"],
  ])("when slippage is %s bps then it reads %s", (value, expected) => {
    expect(slippageWords(value)).toBe(expected);
  });
});

describe("referencePrice", () => {
  const market = { bid: { best: "0.48" }, ask: { best: "0.52" } };
  it("when a buy is measured then it is against the best ask, a sell against the best bid", () => {
    expect(referencePrice("BUY", market)).toBe("0.52");
    expect(referencePrice("SELL", market)).toBe("0.48");
  });
});
