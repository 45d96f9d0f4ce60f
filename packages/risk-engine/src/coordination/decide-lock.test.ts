import { describe, expect, it } from "vitest";
import { decideLock, type LockDecision, type LockRow } from "./decide-lock.ts";

const NOW = 1_000_000;

describe("decideLock", () => {
  it.each<[string, LockRow | null, LockDecision]>([
    ["no lock row", null, { kind: "FREE" }],
    [
      "this bot holds a live lock",
      { lockedByBotId: "a", expiresAt: NOW + 1 },
      { kind: "HELD_BY_THIS_BOT", expiresAt: NOW + 1 },
    ],
    [
      "another bot holds a live lock",
      { lockedByBotId: "b", expiresAt: NOW + 1 },
      { kind: "HELD_BY_OTHER", holderBotId: "b", expiresAt: NOW + 1 },
    ],
    [
      "another bot's lock expires exactly now",
      { lockedByBotId: "b", expiresAt: NOW },
      { kind: "EXPIRED_TAKEABLE", previousBotId: "b" },
    ],
    [
      "this bot's own lock has expired",
      { lockedByBotId: "a", expiresAt: NOW - 1 },
      { kind: "EXPIRED_TAKEABLE", previousBotId: "a" },
    ],
  ])("when %s then the decision is as expected", (_name, lock, expected) => {
    expect(decideLock(lock, "a", NOW)).toEqual(expected);
  });
});
