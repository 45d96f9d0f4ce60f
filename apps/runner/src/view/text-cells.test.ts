import { describe, expect, it } from "vitest";
import { modeAndStatus } from "./text-cells.ts";

describe("modeAndStatus", () => {
  it.each([
    ["paper", "paper", "paper"],
    ["live", "live", "live"],
    ["live", "paused", "live, paused"],
    ["paper", "paused:ai_unavailable", "paper, paused:ai_unavailable"],
    ["paper", "", "paper"],
  ])("when the mode is %s and the status %s then the label is %s", (mode, status, label) => {
    expect(modeAndStatus(mode, status)).toBe(label);
  });
});
