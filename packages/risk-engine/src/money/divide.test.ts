import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divCeil, divFloor } from "./divide.ts";

describe("divFloor and divCeil", () => {
  it.each([
    [7n, 2n, 3n, 4n],
    [-7n, 2n, -4n, -3n],
    [7n, -2n, -4n, -3n],
    [-7n, -2n, 3n, 4n],
    [6n, 3n, 2n, 2n],
    [0n, 5n, 0n, 0n],
  ])("when %s / %s then floor is %s and ceil is %s", (n, d, floor, ceil) => {
    expect([divFloor(n, d), divCeil(n, d)]).toEqual([floor, ceil]);
  });

  it("when dividing any pair then floor <= exact <= ceil within one unit", () => {
    fc.assert(
      fc.property(
        fc.bigInt(),
        fc.bigInt().filter((d) => d !== 0n),
        (n, d) => {
          const floor = divFloor(n, d);
          const ceil = divCeil(n, d);
          const sign = d > 0n ? 1n : -1n;
          return floor * d * sign <= n * sign && ceil * d * sign >= n * sign && ceil - floor <= 1n;
        },
      ),
    );
  });
});
