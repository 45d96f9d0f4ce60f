import { describe, expect, it } from "vitest";
import { countLine, usedLine } from "./usage.ts";

describe("usedLine", () => {
  it.each([
    ["0.35", "1", 2, "$0.35 of $1.00 (35%)"],
    ["50", "100", 2, "$50.00 of $100.00 (50%)"],
    ["120", "100", 2, "$120.00 of $100.00 (100%)"],
    ["0.0125", "2", 4, "$0.0125 of $2.0000 (0%)"],
    ["5", null, 2, "$5.00 of no limit"],
    ["0", "0", 2, "$0.00 of $0.00"],
  ] as const)("when %s is used of %s then it reads %s", (used, limit, decimals, expected) => {
    expect(usedLine(used, limit, decimals)).toBe(expected);
  });
});

describe("countLine", () => {
  it("when 7 of 20 trades are used then it says so with the share", () => {
    expect(countLine(7, 20)).toBe("7 of 20 (35%)");
    expect(countLine(0, 0)).toBe("0 of 0");
  });
});
