import { describe, expect, it } from "vitest";
import { BOT, type Case, ladder, M, MARKET, runCheck, s, u } from "../../../test/fixtures.ts";
import type { DenialCode } from "../denial.ts";
import {
  checkLimitPriceRange,
  checkMinimumSize,
  checkPositionHeld,
  checkSizePositive,
  checkTick,
} from "./order-shape-checks.ts";
import type { MeasuredCheck } from "./risk-check.ts";

const holding = {
  botId: BOT,
  marketId: MARKET,
  shares: s(10n * M),
  costBasis: u(5n * M),
  correlatedMarkets: [],
};

describe("order shape checks", () => {
  it.each(
    (
      [
        ["no limit price", checkLimitPriceRange, {}, null],
        [
          "a limit of 0",
          checkLimitPriceRange,
          { intent: { limitPrice: 0n as never } },
          "INVALID_LIMIT_PRICE",
        ],
        [
          "a limit of 1",
          checkLimitPriceRange,
          { intent: { limitPrice: 1_000_000n as never } },
          "INVALID_LIMIT_PRICE",
        ],
        ["a limit just inside 1", checkLimitPriceRange, { intent: { limitPrice: 999_999n as never } }, null],
        ["a limit on the tick", checkTick, { intent: { limitPrice: 510_000n as never } }, null],
        [
          "a limit one micro-USD off the tick",
          checkTick,
          { intent: { limitPrice: 510_001n as never } },
          "PRICE_OFF_TICK",
        ],
        [
          "an out-of-range limit is not also off tick",
          checkTick,
          { intent: { limitPrice: 0n as never } },
          null,
        ],
        [
          "a tick check without a market",
          checkTick,
          { intent: { limitPrice: 510_001n as never }, snapshot: { market: null } },
          null,
        ],
        [
          "a tick check against another market's book",
          checkTick,
          {
            intent: { limitPrice: 510_001n as never },
            snapshot: { market: { id: "other", category: "x", open: true, book: ladder(1) } },
          },
          null,
        ],
        ["a size of one micro-share", checkSizePositive, { intent: { shares: 1n as never } }, null],
        ["a size of zero", checkSizePositive, { intent: { shares: 0n as never } }, "SIZE_NOT_POSITIVE"],
        ["exactly the minimum size", checkMinimumSize, { intent: { shares: (5n * M) as never } }, null],
        [
          "one micro-share under the minimum",
          checkMinimumSize,
          { intent: { shares: (5n * M - 1n) as never } },
          "SIZE_BELOW_MINIMUM",
        ],
        [
          "a zero size is not also below minimum",
          checkMinimumSize,
          { intent: { shares: 0n as never } },
          null,
        ],
        [
          "a SELL of exactly the shares held",
          checkPositionHeld,
          { intent: { side: "SELL" }, snapshot: { positions: [holding] } },
          null,
        ],
        [
          "a SELL one micro-share over the holding",
          checkPositionHeld,
          { intent: { side: "SELL", shares: (10n * M + 1n) as never }, snapshot: { positions: [holding] } },
          "INSUFFICIENT_POSITION",
        ],
        [
          "another bot's shares are not ours to sell",
          checkPositionHeld,
          { intent: { side: "SELL" }, snapshot: { positions: [{ ...holding, botId: "bot-2" }] } },
          "INSUFFICIENT_POSITION",
        ],
        ["a BUY needs no holding", checkPositionHeld, {}, null],
      ] as [string, MeasuredCheck, Case, DenialCode | null][]
    ).map(([name, check, c, code]) => [name, code ?? "no denial", check, c, code] as const),
  )("when %s then %s", (_name, _outcome, check, c, code) => {
    expect(runCheck(check, c)?.code ?? null).toBe(code);
  });
});
