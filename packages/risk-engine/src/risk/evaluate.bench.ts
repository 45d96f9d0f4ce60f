import { bench, describe } from "vitest";
import {
  ladder,
  M,
  makeIntent,
  makeLimits,
  makeSnapshot,
  NOW,
  OTHER_BOT,
  p,
  s,
  u,
} from "../../test/fixtures.ts";
import { evaluate } from "./evaluate.ts";
import type { HeldPosition, RestingOrder } from "./types.ts";

// 100 levels of 10 shares per side; a BUY of 95 shares at a 10 % cap consumes 10 ask levels.
const book = ladder(100, 10n * M);
const positions: HeldPosition[] = Array.from({ length: 50 }, (_, i) => ({
  botId: i % 2 === 0 ? "bot-1" : OTHER_BOT,
  marketId: i === 0 ? "market-1" : `market-${i % 7}`,
  shares: s(20n * M),
  costBasis: u(9n * M),
  correlatedMarkets: i % 5 === 0 ? ["market-1", "market-3"] : [],
}));
const openOrders: RestingOrder[] = [
  { botId: "bot-1", marketId: "market-2", side: "BUY", shares: s(5n * M), price: p(400_000n) },
  { botId: OTHER_BOT, marketId: "market-1", side: "BUY", shares: s(5n * M), price: p(450_000n) },
];
const snapshot = makeSnapshot({
  market: { id: "market-1", category: "politics", open: true, book, fee: { rateBps: 700, exponent: 1 } },
  positions,
  openOrders,
  bots: [
    { botId: "bot-1", riskBudgetType: "shared", riskBudgetUsd: u(2_000n * M) },
    { botId: OTHER_BOT, riskBudgetType: "shared", riskBudgetUsd: u(2_000n * M) },
  ],
  recentOrderTimes: [NOW - 30_000, NOW - 10_000],
  tradesToday: 3,
  lock: { marketId: "market-1", lockedByBotId: "bot-1", expiresAt: NOW + 60_000 },
  adaptations: [{ kind: "SCALE_SLIPPAGE", marketId: "market-2", factorBps: 5_000, until: NOW + 1 }],
});
const limits = makeLimits({
  maxSlippageBps: 2_000,
  maxConcurrentMarkets: 10,
  riskBudgetType: "shared",
  maxPositionSize: u(1_000n * M),
  globalRiskBudget: u(10_000n * M),
});
const intent = makeIntent({ shares: s(95n * M) });

if (!evaluate(intent, snapshot, limits).approved) throw new Error("The benchmark order must be approved.");

// A long warm-up lets V8 finish tiering up first: otherwise the first benchmark in a file measures the
// optimizing compiler as much as the code.
const OPTIONS = { warmupTime: 1_000, time: 2_000 };

describe("evaluate", () => {
  bench(
    "full evaluate: every check, 50 positions, 10 of 100 levels",
    () => {
      evaluate(intent, snapshot, limits);
    },
    OPTIONS,
  );
});
