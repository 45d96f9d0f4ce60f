import { describe, expect, it } from "vitest";
import { pollingIntervalMs } from "./polling-interval.ts";

describe("pollingIntervalMs", () => {
  it.each([
    ["the bot asks for 1 minute on free", 1, null, "free", 60],
    ["the bot asks for 1 minute on pro", 1, null, "pro", 5],
    ["the bot asks for 45 minutes on basic", 45, null, "basic", 45],
    ["only the recipe says 10 minutes on pro", null, 10, "pro", 10],
    ["the column wins over the recipe", 15, 10, "pro", 15],
    ["nothing is set on basic", null, null, "basic", 30],
  ] as const)(
    "when %s then the interval is the right number of minutes",
    (_w, column, recipe, tier, minutes) => {
      expect(pollingIntervalMs(column, recipe, tier)).toBe(minutes * 60_000);
    },
  );
});
