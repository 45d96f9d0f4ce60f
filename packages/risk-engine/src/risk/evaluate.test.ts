import { describe, expect, it } from "vitest";
import {
  type Case,
  ladder,
  M,
  MARKET,
  makeIntent,
  makeLimits,
  makeSnapshot,
  NOW,
  OTHER_BOT,
  u,
} from "../../test/fixtures.ts";
import type { DenialCode } from "./denial.ts";
import { evaluate } from "./evaluate.ts";
import type { OrderIntent, RiskLimits, RiskSnapshot } from "./types.ts";

const run = (c: Case) => evaluate(makeIntent(c.intent), makeSnapshot(c.snapshot), makeLimits(c.limits));
const codes = (c: Case): DenialCode[] => {
  const decision = run(c);
  return decision.approved ? [] : decision.denials.map((d) => d.code);
};

describe("evaluate", () => {
  it("when every check passes then it approves the full size at the slippage-capped limit", () => {
    expect(run({})).toMatchObject({
      approved: true,
      shares: 10n * M,
      reduced: false,
      limitPrice: 510_000n,
      orderCost: 5_100_000n,
    });
  });

  it("when the book is cheaper than the limit then the worst case pays the fee on all the spend buys", () => {
    // 10 shares at the 0.51 cap spend 5.10; an exchange spends that at the best ask 0.50 and fills 10.2
    // shares, with a fee of 10.2 x 7 % x 0.50 x 0.50 = 0.1785 (on the 10 shares asked it would be 0.175).
    const fee = { rateBps: 700, exponent: 1 };
    const decision = run({
      snapshot: { market: { id: MARKET, category: "politics", open: true, book: ladder(10), fee } },
    });
    expect(decision).toMatchObject({ approved: true, limitPrice: 510_000n, orderCost: 5_278_500n });
    expect(decision.approved && decision.walk.fee).toBe(175_000n);
  });

  it("when the intent's own limit is tighter then that limit is sent", () => {
    expect(run({ intent: { limitPrice: 500_000n as never } })).toMatchObject({
      approved: true,
      limitPrice: 500_000n,
    });
  });

  it("when many things are wrong then every denial is returned in check order", () => {
    expect(
      codes({
        snapshot: {
          halted: true,
          tradesToday: 10,
          lock: { marketId: MARKET, lockedByBotId: OTHER_BOT, expiresAt: NOW + 1 },
        },
        limits: { allowedCategories: ["crypto"], maxPositionSize: u(1n), globalRiskBudget: u(1n) },
        intent: { shares: (4n * M) as never, limitPrice: 505_000n as never },
      }),
    ).toEqual([
      "TRADING_HALTED",
      "PRICE_OFF_TICK",
      "SIZE_BELOW_MINIMUM",
      "CATEGORY_NOT_ALLOWED",
      "MARKET_LOCKED",
      "MAX_TRADES_PER_DAY_REACHED",
      "MAX_POSITION_SIZE_EXCEEDED",
      "GLOBAL_RISK_BUDGET_EXCEEDED",
    ]);
  });

  it("when the market is unknown then only market-independent checks add denials", () => {
    expect(codes({ snapshot: { market: null, tradesToday: 10 } })).toEqual([
      "MARKET_UNKNOWN",
      "MAX_TRADES_PER_DAY_REACHED",
    ]);
  });

  it.each<[string, Case, bigint, bigint]>([
    ["slippage allows 200 of 300 shares", { intent: { shares: (300n * M) as never } }, 200n * M, 510_000n],
    [
      "the position limit allows 100 shares at 0.51",
      { intent: { shares: (150n * M) as never }, limits: { maxPositionSize: u(51n * M) } },
      100n * M,
      510_000n,
    ],
    [
      "the holding allows a SELL of 7.5 shares",
      {
        intent: { side: "SELL", shares: (10n * M) as never },
        snapshot: {
          positions: [
            {
              botId: "bot-1",
              marketId: MARKET,
              shares: 7_500_000n as never,
              costBasis: u(M),
              correlatedMarkets: [],
            },
          ],
        },
      },
      7_500_000n,
      490_000n,
    ],
  ])("when reduction is allowed and %s then it approves the reduced size", (_name, c, shares, limitPrice) => {
    expect(run({ ...c, intent: { ...c.intent, allowReduce: true } })).toMatchObject({
      approved: true,
      reduced: true,
      shares,
      limitPrice,
    });
  });

  it.each<[string, Case, DenialCode[]]>([
    [
      "a denial that shrinking cannot fix",
      { intent: { shares: (300n * M) as never }, snapshot: { tradesToday: 10 } },
      ["MAX_TRADES_PER_DAY_REACHED", "SLIPPAGE_EXCEEDED"],
    ],
    [
      "the reduced size would be below the minimum",
      { limits: { maxPositionSize: u(2n * M) } },
      ["MAX_POSITION_SIZE_EXCEEDED"],
    ],
    ["nothing fits at all", { limits: { riskBudget: u(0) } }, ["BOT_RISK_BUDGET_EXCEEDED"]],
  ])("when reduction is allowed but %s then it denies with the original denials", (_name, c, expected) => {
    expect(codes({ ...c, intent: { ...c.intent, allowReduce: true } })).toEqual(expected);
  });

  it("when reduction is not allowed then an oversize order is denied", () => {
    expect(codes({ intent: { shares: (300n * M) as never } })).toEqual(["SLIPPAGE_EXCEEDED"]);
  });

  it.each<[string, "BUY" | "SELL", DenialCode[]]>([
    ["a BUY", "BUY", ["DAILY_LOSS_LIMIT_REACHED"]],
    ["a SELL", "SELL", []],
  ])("when the bot is REDUCING then %s gives %j", (_name, side, expected) => {
    const positions = [
      {
        botId: "bot-1",
        marketId: MARKET,
        shares: (10n * M) as never,
        costBasis: u(5n * M),
        correlatedMarkets: [],
      },
    ];
    expect(codes({ intent: { side }, snapshot: { pnlToday: u(-100n * M), positions } })).toEqual(expected);
  });

  it("when adaptation halved the max position then the tighter limit applies", () => {
    const adaptations = [
      { kind: "SCALE_MAX_POSITION" as const, marketId: MARKET, factorBps: 5_000, until: NOW + 1 },
    ];
    expect(codes({ limits: { maxPositionSize: u(10n * M) }, snapshot: { adaptations } })).toEqual([
      "MAX_POSITION_SIZE_EXCEEDED",
    ]);
  });

  it.each<[string, () => [OrderIntent, RiskSnapshot, RiskLimits]]>([
    ["a missing intent", () => [undefined as never, makeSnapshot(), makeLimits()]],
    [
      "shares given as a JS number",
      () => [{ ...makeIntent(), shares: 10 as never }, makeSnapshot(), makeLimits()],
    ],
    [
      "a limit given as a string",
      () => [{ ...makeIntent(), limitPrice: "0.5" as never }, makeSnapshot(), makeLimits()],
    ],
    ["a missing snapshot", () => [makeIntent(), undefined as never, makeLimits()]],
    [
      "a fractional fee rate",
      () => [
        makeIntent(),
        makeSnapshot({
          market: {
            id: MARKET,
            category: "politics",
            open: true,
            book: ladder(2),
            fee: { rateBps: 0.5, exponent: 1 },
          },
        }),
        makeLimits(),
      ],
    ],
    [
      "limits with a number instead of bigint",
      () => [makeIntent(), makeSnapshot(), makeLimits({ maxPositionSize: 5 as never })],
    ],
    [
      "a limit left undefined",
      () => [makeIntent(), makeSnapshot(), makeLimits({ globalRiskBudget: undefined as never })],
    ],
    [
      "a kill switch left undefined",
      () => [makeIntent(), makeSnapshot({ halted: undefined as never }), makeLimits()],
    ],
    ["limits that are not an object", () => [makeIntent(), makeSnapshot(), null as never]],
    [
      "a book without a usable tick size",
      () => [
        makeIntent(),
        makeSnapshot({
          market: {
            id: MARKET,
            category: "politics",
            open: true,
            book: { ...ladder(2), tickSize: 0n as never },
          },
        }),
        makeLimits(),
      ],
    ],
    [
      "a market without a book",
      () => [makeIntent(), makeSnapshot({ market: { id: MARKET } as never }), makeLimits()],
    ],
  ])("when given %s then it denies with INVALID_INPUT instead of throwing", (_name, build) => {
    const decision = evaluate(...build());
    expect(decision.approved ? [] : decision.denials.map((d) => d.code)).toEqual(["INVALID_INPUT"]);
  });

  it.each<[string, () => [OrderIntent, RiskSnapshot, RiskLimits], string]>([
    [
      "the intent's shares are missing",
      () => [{ ...makeIntent(), shares: undefined as never }, makeSnapshot(), makeLimits()],
      "order intent",
    ],
    [
      "the snapshot's PnL is missing",
      () => [makeIntent(), makeSnapshot({ pnlToday: undefined as never }), makeLimits()],
      "snapshot",
    ],
    [
      "the daily loss limit is missing",
      () => [makeIntent(), makeSnapshot(), makeLimits({ maxDailyLoss: undefined as never })],
      "limits",
    ],
  ])("when %s then the reason names the %s object", (_name, build, what) => {
    const decision = evaluate(...build());
    expect(decision.approved ? "" : decision.denials[0]?.context).toHaveProperty(
      "reason",
      expect.stringContaining(`The ${what} is malformed`),
    );
  });

  it("when something other than an Error is thrown then the reason is generic", () => {
    const snapshot = makeSnapshot();
    const hostile = new Proxy(snapshot, {
      get(target, key) {
        if (key === "adaptations") throw "boom";
        return Reflect.get(target, key);
      },
    });
    const decision = evaluate(makeIntent(), hostile, makeLimits());
    expect(decision.approved ? null : decision.denials[0]?.context).toEqual({
      reason: "The snapshot or limits could not be read.",
    });
  });
});
