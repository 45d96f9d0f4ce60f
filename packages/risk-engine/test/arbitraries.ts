import fc from "fast-check";
import type { BookLevel, OrderBook } from "../src/book/order-book.ts";
import type { Price, Shares, Usd } from "../src/money/units.ts";
import type { BotBudget, OrderIntent, RiskLimits, RiskSnapshot } from "../src/risk/types.ts";

const TICK = 10_000n as Price;

/** Distinct on-tick prices (in ticks of 0.01), sorted ascending. */
const tickPrices = (min: number, max: number) =>
  fc
    .uniqueArray(fc.integer({ min, max }), { minLength: 0, maxLength: 12 })
    .map((ticks) => ticks.sort((a, b) => a - b).map((t) => (BigInt(t) * TICK) as Price));

const size = fc.bigInt({ min: 0n, max: 500_000_000n }).map((s) => s as Shares);

/** A non-crossed book in wire order: bids 0.01..0.49 ascending, asks 0.51..0.99 descending. */
export const arbitraryBook: fc.Arbitrary<OrderBook> = fc
  .record({
    bidPrices: tickPrices(1, 49),
    askPrices: tickPrices(51, 99),
    sizes: fc.array(size, { minLength: 24, maxLength: 24 }),
  })
  .map(({ bidPrices, askPrices, sizes }) => ({
    bids: bidPrices.map((p, i): BookLevel => ({ price: p, size: sizes[i] ?? (0n as Shares) })),
    asks: askPrices.reverse().map((p, i): BookLevel => ({ price: p, size: sizes[12 + i] ?? (0n as Shares) })),
    tickSize: TICK,
    minOrderSize: 5_000_000n as Shares,
  }));

const BOTS = ["bot-1", "bot-2", "bot-3"] as const;
const MARKETS = ["market-1", "market-2", "market-3", "market-4"] as const;
const usdUpTo = (max: bigint) => fc.bigInt({ min: 0n, max: max * 1_000_000n }).map((x) => x as Usd);
const sharesUpTo = (max: bigint) => fc.bigInt({ min: 0n, max: max * 1_000_000n }).map((x) => x as Shares);
const NOW = Date.UTC(2026, 10, 25, 12);

/** `edge` one time in eight, otherwise `usual`: keeps most generated cases near an approval. */
const rarely = <A, B>(edge: A, usual: fc.Arbitrary<B>): fc.Arbitrary<A | B> =>
  fc.oneof({ arbitrary: fc.constant(edge), weight: 1 }, { arbitrary: usual, weight: 7 });

const heldPosition = fc.record({
  botId: fc.constantFrom(...BOTS),
  marketId: fc.constantFrom(...MARKETS),
  shares: sharesUpTo(400n),
  costBasis: usdUpTo(200n),
  correlatedMarkets: fc.subarray([...MARKETS]),
});

const openOrder = fc.record({
  botId: fc.constantFrom(...BOTS),
  marketId: fc.constantFrom(...MARKETS),
  side: fc.constantFrom("BUY" as const, "SELL" as const),
  shares: sharesUpTo(100n),
  price: fc.integer({ min: 1, max: 99 }).map((t) => (BigInt(t) * TICK) as Price),
});

export const arbitrarySnapshot: fc.Arbitrary<RiskSnapshot> = fc.record({
  now: fc.constant(NOW),
  market: rarely(
    null,
    fc.record({
      id: fc.constant("market-1"),
      category: fc.constantFrom("politics", "crypto"),
      open: rarely(false, fc.constant(true)),
      book: arbitraryBook,
      fee: fc.option(
        fc.record({ rateBps: fc.integer({ min: 0, max: 1_000 }), exponent: fc.integer({ min: 0, max: 2 }) }),
        {
          nil: undefined,
        },
      ),
    }),
  ),
  positions: fc
    .tuple(heldPosition, fc.array(heldPosition, { maxLength: 8 }))
    .map(([own, others]) => [{ ...own, botId: "bot-1", marketId: "market-1" }, ...others]),
  openOrders: fc.array(openOrder, { maxLength: 3 }),
  bots: fc.constant(
    BOTS.map(
      (botId, i): BotBudget => ({
        botId,
        riskBudgetType: i === 2 ? "individual" : "shared",
        riskBudgetUsd: (BigInt(i + 1) * 150_000_000n) as Usd,
      }),
    ),
  ),
  pnlToday: fc.bigInt({ min: -60_000_000n, max: 50_000_000n }).map((x) => x as Usd),
  dailyLossReachedAt: fc.constantFrom(null, null, NOW - 3_600_000),
  halted: rarely(true, fc.constant(false)),
  tradesToday: fc.integer({ min: 0, max: 4 }),
  recentOrderTimes: fc.array(fc.integer({ min: NOW - 120_000, max: NOW }), { maxLength: 4 }),
  lock: fc.oneof(
    { arbitrary: fc.constant(null), weight: 5 },
    fc.record({
      marketId: fc.constant("market-1"),
      lockedByBotId: fc.constantFrom(...BOTS),
      expiresAt: fc.integer({ min: NOW - 10, max: NOW + 10 }),
    }),
  ),
  adaptations: fc.constant([]),
});

export const arbitraryLimits: fc.Arbitrary<RiskLimits> = fc.record({
  maxDailyLoss: usdUpTo(200n).map((x) => (x + 10_000_000n) as Usd),
  maxPositionSize: usdUpTo(600n),
  maxSlippageBps: fc.integer({ min: 50, max: 2_000 }),
  maxTradesPerDay: fc.integer({ min: 1, max: 20 }),
  maxOrdersPerMinute: fc.integer({ min: 1, max: 10 }),
  maxConcurrentMarkets: fc.integer({ min: 0, max: 5 }),
  allowedCategories: fc.constantFrom(null, ["politics"], ["politics", "crypto"]),
  riskBudget: fc.option(usdUpTo(500n), { nil: null }),
  riskBudgetType: fc.constantFrom("individual" as const, "shared" as const),
  globalRiskBudget: fc.option(usdUpTo(3_000n), { nil: null }),
  maxDailyLlmCost: usdUpTo(5n),
  dayBoundaryOffsetMinutes: fc.constant(0),
});

export const arbitraryIntent = (allowReduce: fc.Arbitrary<boolean>): fc.Arbitrary<OrderIntent> =>
  fc.record(
    {
      botId: fc.constant("bot-1"),
      marketId: fc.constant("market-1"),
      side: fc.constantFrom("BUY" as const, "SELL" as const),
      shares: sharesUpTo(80n),
      limitPrice: fc.integer({ min: 30, max: 99 }).map((t) => (BigInt(t) * TICK) as Price),
      allowReduce,
    },
    { requiredKeys: ["botId", "marketId", "side", "shares", "allowReduce"] },
  );
