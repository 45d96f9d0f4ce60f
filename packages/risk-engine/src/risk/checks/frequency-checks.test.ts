import { describe, expect, it } from "vitest";
import { BOT, type Case, M, MARKET, NOW, p, runCheck, s, u } from "../../../test/fixtures.ts";
import type { DenialCode } from "../denial.ts";
import { checkConcurrentMarkets, checkOrderRate, checkTradesPerDay } from "./frequency-checks.ts";
import type { MeasuredCheck } from "./risk-check.ts";

const position = (marketId: string) => ({
  botId: BOT,
  marketId,
  shares: s(M),
  costBasis: u(M / 2n),
  correlatedMarkets: [],
});
const times = (...agesMs: number[]) => agesMs.map((age) => NOW - age);

describe("frequency checks", () => {
  it.each(
    (
      [
        ["one trade under the daily maximum", checkTradesPerDay, { snapshot: { tradesToday: 9 } }, null],
        [
          "exactly the daily maximum",
          checkTradesPerDay,
          { snapshot: { tradesToday: 10 } },
          "MAX_TRADES_PER_DAY_REACHED",
        ],
        [
          "one order under the per-minute rate",
          checkOrderRate,
          { snapshot: { recentOrderTimes: times(0, 1, 2, 3, 4) } },
          null,
        ],
        [
          "exactly the per-minute rate",
          checkOrderRate,
          { snapshot: { recentOrderTimes: times(0, 1, 2, 3, 4, 59_999) } },
          "ORDER_RATE_EXCEEDED",
        ],
        [
          "an order exactly 60 s old no longer counts",
          checkOrderRate,
          { snapshot: { recentOrderTimes: times(0, 1, 2, 3, 4, 60_000) } },
          null,
        ],
        [
          "an order time in the future does not count",
          checkOrderRate,
          { snapshot: { recentOrderTimes: times(0, 1, 2, 3, 4, -1) } },
          null,
        ],
        [
          "one market under the concurrent maximum",
          checkConcurrentMarkets,
          { snapshot: { positions: [position("a"), position("b")] } },
          null,
        ],
        [
          "a new market at the concurrent maximum",
          checkConcurrentMarkets,
          { snapshot: { positions: [position("a"), position("b"), position("c")] } },
          "MAX_CONCURRENT_MARKETS_REACHED",
        ],
        [
          "an open order counts as a market",
          checkConcurrentMarkets,
          {
            snapshot: {
              positions: [position("a"), position("b")],
              openOrders: [{ botId: BOT, marketId: "c", side: "BUY", shares: s(M), price: p(400_000n) }],
            },
          },
          "MAX_CONCURRENT_MARKETS_REACHED",
        ],
        [
          "adding to a market already held at the maximum",
          checkConcurrentMarkets,
          { snapshot: { positions: [position("a"), position("b"), position(MARKET)] } },
          null,
        ],
        [
          "a SELL at the maximum",
          checkConcurrentMarkets,
          {
            intent: { side: "SELL" },
            snapshot: { positions: [position("a"), position("b"), position("c")] },
          },
          null,
        ],
        [
          "a closed-out position (0 shares) is not a market",
          checkConcurrentMarkets,
          { snapshot: { positions: [position("a"), position("b"), { ...position("c"), shares: s(0) }] } },
          null,
        ],
      ] as [string, MeasuredCheck, Case, DenialCode | null][]
    ).map(([name, check, c, code]) => [name, code ?? "no denial", check, c, code] as const),
  )("when %s then %s", (_name, _outcome, check, c, code) => {
    expect(runCheck(check, c)?.code ?? null).toBe(code);
  });

  it("when the rate is exceeded then the context has the count and the limit", () => {
    const denial = runCheck(checkOrderRate, { snapshot: { recentOrderTimes: times(1, 2, 3, 4, 5, 6, 7) } });
    expect(denial?.context).toEqual({ ordersLastMinute: 7, maxOrdersPerMinute: 6 });
  });
});
