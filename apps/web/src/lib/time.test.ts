import { describe, expect, it } from "vitest";
import { timeAgo, utcTime } from "./time.ts";

describe("timeAgo", () => {
  const now = Date.parse("2026-12-03T16:00:00Z");
  it.each([
    ["2026-12-03T15:57:00Z", "3 minutes ago"],
    ["2026-12-03T15:59:58Z", "2 seconds ago"],
    ["2026-12-03T13:00:00Z", "3 hours ago"],
    ["2026-12-01T16:00:00Z", "2 days ago"],
    ["2026-12-03T16:05:00Z", "in 5 minutes"],
  ])("when the time is %s then it reads %s", (iso, expected) => {
    expect(timeAgo(iso, now)).toBe(expected);
  });
});

describe("utcTime", () => {
  it("when a time is shown exactly then it is in UTC and says so", () => {
    expect(utcTime("2026-12-03T16:04:05Z")).toBe("3 Dec 2026, 16:04:05 UTC");
  });
});
