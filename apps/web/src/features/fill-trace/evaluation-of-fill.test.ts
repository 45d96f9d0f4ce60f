import { describe, expect, it } from "vitest";
import { type EvaluationWindow, evaluationOfFill } from "./evaluation-of-fill.ts";

const window = (
  id: string,
  startedAt: string,
  finishedAt: string | null,
  more: Partial<EvaluationWindow> = {},
) => ({ id, mode: "paper", marketId: "m1", startedAt, finishedAt, ...more }) as EvaluationWindow;

const evaluations = [
  window("early", "2026-01-01T10:00:00.000Z", "2026-01-01T10:00:05.000Z"),
  window("late", "2026-01-01T11:00:00.000Z", "2026-01-01T11:00:05.000Z"),
  window("live", "2026-01-01T10:00:00.000Z", "2026-01-01T10:00:05.000Z", { mode: "live" }),
  window("other-market", "2026-01-01T12:00:00.000Z", "2026-01-01T12:00:05.000Z", { marketId: "m2" }),
  window("same-market", "2026-01-01T14:00:00.000Z", "2026-01-01T14:00:09.000Z"),
  window("overlapping", "2026-01-01T14:00:01.000Z", "2026-01-01T14:00:05.000Z", { marketId: "m2" }),
  window("running", "2026-01-01T13:00:00.000Z", null),
];

describe("evaluationOfFill", () => {
  it.each([
    ["inside the early window", { mode: "paper", marketId: "m1", at: "2026-01-01T10:00:03.000Z" }, "early"],
    [
      "at the end of the late window",
      { mode: "paper", marketId: "m1", at: "2026-01-01T11:00:05.000Z" },
      "late",
    ],
    ["a live fill", { mode: "live", marketId: "m1", at: "2026-01-01T10:00:01.000Z" }, "live"],
    ["between windows", { mode: "paper", marketId: "m1", at: "2026-01-01T10:30:00.000Z" }, "early"],
    ["before any evaluation", { mode: "paper", marketId: "m1", at: "2026-01-01T09:00:00.000Z" }, null],
    [
      "in a window that recorded another market",
      { mode: "paper", marketId: "m1", at: "2026-01-01T12:00:01.000Z" },
      "other-market",
    ],
    [
      "in two windows, one of its market",
      { mode: "paper", marketId: "m1", at: "2026-01-01T14:00:02.000Z" },
      "same-market",
    ],
    [
      "an evaluation still running",
      { mode: "paper", marketId: "m1", at: "2026-01-01T13:00:01.000Z" },
      "running",
    ],
  ] as const)("when a fill is %s then its evaluation is %s", (_name, fill, expected) => {
    expect(evaluationOfFill(evaluations, fill, Date.parse("2026-01-01T15:00:00.000Z"))).toBe(expected);
  });
});
