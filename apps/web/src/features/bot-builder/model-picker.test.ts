import { describe, expect, it } from "vitest";
import { priceLabel } from "./model-picker.tsx";

describe("priceLabel", () => {
  it.each([
    [{ promptPerMillionUsd: "0", completionPerMillionUsd: "0", perRequestUsd: "0" }, "free"],
    [
      { promptPerMillionUsd: "0.15", completionPerMillionUsd: "0.6", perRequestUsd: "0" },
      "in $0.15 / out $0.60 per million tokens",
    ],
    [
      { promptPerMillionUsd: "3", completionPerMillionUsd: "15", perRequestUsd: "0.005" },
      "in $3.00 / out $15.00 per million tokens + $0.0050 per call",
    ],
    [null, "priced per call"],
  ])("when the price is %o then the picker says %s", (pricing, expected) => {
    expect(priceLabel(pricing)).toBe(expected);
  });
});
