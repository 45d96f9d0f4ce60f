import { describe, expect, it } from "vitest";
import { BOT, M, MARKET, makeIntent, makeLimits, makeSnapshot, p, s, u } from "../../test/fixtures.ts";
import { evaluate } from "../risk/evaluate.ts";
import { computeExposure } from "../risk/exposure.ts";
import type { HeldPosition } from "../risk/types.ts";
import { applyFills } from "./apply-fill.ts";
import { floorToLot, isDust } from "./dust.ts";
import { FLAT } from "./position.ts";

// A $5 market buy at 0.523 as Polymarket's client signs it: maker 5000000, taker 9560220 (9.56022 shares).
const BOUGHT = s(9_560_220n);

describe("isDust", () => {
  it.each([
    [0n, true],
    [1n, true],
    [9_999n, true],
    [10_000n, false],
    [9_560_220n, false],
  ])("when %i micro-shares are held then dust is %s", (shares, dust) => {
    expect(isDust(shares)).toBe(dust);
  });

  it("when a client-sized buy is sold in whole lots then what is left is dust, kept exactly", () => {
    const sold = floorToLot(BOUGHT);
    const position = applyFills(FLAT, [
      { side: "BUY", shares: BOUGHT, price: p(523_000n), fee: u(0) },
      { side: "SELL", shares: sold, price: p(600_000n), fee: u(0) },
    ]);
    expect([sold, position.shares, isDust(position.shares)]).toEqual([9_560_000n, 220n, true]);
  });
});

describe("a dust position in exposure", () => {
  const held = (marketId: string, shares: bigint, costBasis: bigint): HeldPosition => ({
    botId: BOT,
    marketId,
    shares: s(shares),
    costBasis: u(costBasis),
    correlatedMarkets: [],
  });
  // Two markets sold down to dust and one really open: one open market, not three.
  const positions = [held("a", 220n, 115n), held("b", 9_999n, 5_229n), held("c", 10n * M, 5n * M)];

  it("when a bot holds only dust in two markets then they add no exposure and no open market", () => {
    const exposure = computeExposure(makeSnapshot({ positions }), makeIntent(), false);
    expect([exposure.bot, exposure.openMarkets, exposure.inMarket]).toEqual([5n * M, 1, false]);
  });

  it("when the dust is in the intent's market then a sell still sees its exact shares", () => {
    const exposure = computeExposure(
      makeSnapshot({ positions: [held(MARKET, 220n, 115n)] }),
      makeIntent({ side: "SELL", shares: s(220n) }),
      false,
    );
    expect([exposure.held, exposure.inMarket, exposure.openMarkets]).toEqual([220n, false, 0]);
  });

  it("when max_concurrent_markets is 2 and two of three held markets are dust then a new market is allowed", () => {
    const decision = evaluate(
      makeIntent(),
      makeSnapshot({ positions }),
      makeLimits({ maxConcurrentMarkets: 2 }),
    );
    expect(decision.approved || decision.denials.map((d) => d.code)).toBe(true);
  });
});
