import { describe, expect, it } from "vitest";
import { M, p, s, u } from "../../test/fixtures.ts";
import { dailyPnl, dayStart, type TimedFill } from "./daily-pnl.ts";
import { FLAT, type Position } from "./position.ts";

const DAY = Date.UTC(2026, 10, 25);
const HOUR = 3_600_000;

describe("dayStart", () => {
  it.each([
    ["noon UTC", DAY + 12 * HOUR, 0, DAY],
    ["exactly midnight UTC", DAY, 0, DAY],
    ["one ms before midnight UTC", DAY - 1, 0, DAY - 24 * HOUR],
    ["23:30 UTC with a UTC+1 boundary", DAY + 23.5 * HOUR, 60, DAY + 23 * HOUR],
    ["00:30 UTC with a UTC-5 boundary", DAY + 0.5 * HOUR, -300, DAY - 19 * HOUR],
  ])("when it is %s then the day starts at the expected instant", (_name, now, offset, expected) => {
    expect(dayStart(now, offset)).toBe(expected);
  });
});

describe("dailyPnl", () => {
  const carried: Position = { shares: s(10n * M), costBasis: u(4n * M), realizedPnl: u(7n * M) };
  const at = (hours: number, side: "BUY" | "SELL", shares: bigint, price: bigint): TimedFill => ({
    at: DAY + hours * HOUR,
    side,
    shares: s(shares),
    price: p(price),
    fee: u(0),
  });

  it.each<[string, Position, bigint, readonly TimedFill[], bigint, bigint]>([
    ["a carried position only counts today's move", carried, 500_000n, [], 450_000n, -500_000n],
    [
      "a sale today realizes against cost but PnL counts from the opening mark",
      carried,
      500_000n,
      [at(1, "SELL", 10n * M, 600_000n)],
      600_000n,
      1n * M,
    ],
    [
      "a position opened today counts from its cost",
      FLAT,
      0n,
      [at(2, "BUY", 10n * M, 400_000n)],
      300_000n,
      -1n * M,
    ],
    ["fills before the boundary are ignored", FLAT, 0n, [at(-1, "BUY", 10n * M, 400_000n)], 300_000n, 0n],
  ])("when %s then today's PnL is as expected", (_name, opening, openingMark, fills, mark, expected) => {
    expect(dailyPnl({ opening, openingMark: p(openingMark), fills, mark: p(mark), since: DAY })).toBe(
      expected,
    );
  });
});
