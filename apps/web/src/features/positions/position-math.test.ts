import { describe, expect, it } from "vitest";
import { isClosed, returnPercent } from "./position-math.ts";

describe("returnPercent", () => {
  it.each([
    ["12.5", "100", "12.50"],
    ["-3.25", "100", "-3.25"],
    ["1", "3", "33.33"],
    ["2", "3", "66.67"],
    ["-2", "3", "-66.67"],
    ["0.000001", "1000", "0.00"],
    ["0", "50", "0.00"],
    ["150", "50", "300.00"],
  ])("when P/L is %s on a cost of %s then the return is %s%%", (pnl, cost, expected) => {
    expect(returnPercent(pnl, cost)).toBe(expected);
  });

  it("when nothing was paid then there is no return to show", () => {
    expect(returnPercent("5", "0")).toBeNull();
  });
});

describe("isClosed", () => {
  it.each([
    ["10", false, false],
    ["0", false, true],
    ["0.000000", undefined, true],
    ["10", true, true],
  ])("when %s shares are held and the market closed is %s then closed is %s", (held, closed, expected) => {
    expect(isClosed(held, closed)).toBe(expected);
  });
});
