import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { M, p, s, u } from "../../test/fixtures.ts";
import { notional } from "../money/notional.ts";
import type { Shares, Side } from "../money/units.ts";
import { applyFill, applyFills } from "./apply-fill.ts";
import { averageEntryPrice, type Fill, FLAT, type Position } from "./position.ts";
import { settle } from "./settle.ts";
import { unrealizedPnl } from "./unrealized-pnl.ts";

const fill = (side: Side, shares: bigint, price: bigint, fee = 0n): Fill => ({
  side,
  shares: s(shares),
  price: p(price),
  fee: u(fee),
});

describe("applyFill", () => {
  it.each<[string, readonly Fill[], Position]>([
    [
      "a BUY from flat",
      [fill("BUY", 10n * M, 400_000n)],
      { shares: s(10n * M), costBasis: u(4n * M), realizedPnl: u(0) },
    ],
    [
      "two BUYs average their cost",
      [fill("BUY", 10n * M, 400_000n), fill("BUY", 10n * M, 600_000n)],
      { shares: s(20n * M), costBasis: u(10n * M), realizedPnl: u(0) },
    ],
    [
      "a partial SELL realizes against the average",
      [fill("BUY", 10n * M, 400_000n), fill("BUY", 10n * M, 600_000n), fill("SELL", 5n * M, 700_000n)],
      { shares: s(15n * M), costBasis: u(7_500_000n), realizedPnl: u(1_000_000n) },
    ],
    [
      "selling everything removes all cost basis",
      [fill("BUY", 3n, 333_333n), fill("SELL", 1n, 0n), fill("SELL", 2n, 1_000_000n)],
      { shares: s(0), costBasis: u(0), realizedPnl: u(1n) },
    ],
    [
      "fees are an expense on both sides",
      [fill("BUY", 10n * M, 500_000n, 70_000n), fill("SELL", 10n * M, 500_000n, 70_000n)],
      { shares: s(0), costBasis: u(0), realizedPnl: u(-140_000n) },
    ],
  ])("when %s then the position is as expected", (_name, fills, expected) => {
    expect(applyFills(FLAT, fills)).toEqual(expected);
  });

  it("when selling more than held then it throws instead of going short", () => {
    expect(() => applyFill(FLAT, fill("SELL", 1n, 500_000n))).toThrow(RangeError);
  });

  it.each([
    ["flat", FLAT, null],
    ["20 shares for 10 USD", { shares: s(20n * M), costBasis: u(10n * M), realizedPnl: u(0) }, 500_000n],
    ["3 micro-shares for 1 micro-USD", { shares: s(3n), costBasis: u(1n), realizedPnl: u(0) }, 333_334n],
  ])("when the position is %s then the average entry is %s", (_name, position, expected) => {
    expect(averageEntryPrice(position)).toBe(expected);
  });

  it.each([
    ["a winning outcome pays 1 per share", true, 6n * M],
    ["a losing outcome pays nothing", false, -4n * M],
  ])("when %s then realized PnL is %s", (_name, won, realized) => {
    const position = applyFill(FLAT, fill("BUY", 10n * M, 400_000n));
    expect(settle(position, won)).toEqual({ shares: 0n, costBasis: 0n, realizedPnl: realized });
  });

  it.each([
    ["above cost", 600_000n, 2n * M],
    ["below cost", 300_000n, -1n * M],
  ])("when marked %s then unrealized PnL is %s", (_name, mark, expected) => {
    const position = applyFill(FLAT, fill("BUY", 10n * M, 400_000n));
    expect(unrealizedPnl(position, p(mark))).toBe(expected);
  });
});

describe("position properties", () => {
  const fillArb = fc.record({
    shares: fc.bigInt({ min: 1n, max: 1_000_000_000n }),
    price: fc.bigInt({ min: 0n, max: 1_000_000n }),
    fee: fc.bigInt({ min: 0n, max: 10_000n }),
  });

  it("when fills are applied then their reverse (sells in reverse order) restores a flat position", () => {
    fc.assert(
      fc.property(fc.array(fillArb, { maxLength: 20 }), (buys) => {
        const bought = applyFills(
          FLAT,
          buys.map((b) => fill("BUY", b.shares, b.price, b.fee)),
        );
        const back = applyFills(
          bought,
          [...buys].reverse().map((b) => fill("SELL", b.shares, b.price, b.fee)),
        );
        return back.shares === 0n && back.costBasis === 0n;
      }),
    );
  });

  it("when any valid fill sequence is applied then realized PnL equals cash flow plus remaining cost basis", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fillArb), { maxLength: 30 }), (steps) => {
        let position = FLAT;
        let cash = 0n;
        for (const [isSell, f] of steps) {
          const qty = (isSell && f.shares > position.shares ? position.shares : f.shares) as Shares;
          const next = fill(isSell ? "SELL" : "BUY", qty, f.price, f.fee);
          const value = notional(next.shares, next.price, isSell ? "down" : "up");
          cash += (isSell ? value : -value) - next.fee;
          position = applyFill(position, next);
        }
        return position.realizedPnl === cash + position.costBasis && position.costBasis >= 0n;
      }),
    );
  });
});
