import { price, priceMicros, shares, usd } from "@open-trade/risk-engine";
import type { CandidateMarket, DecisionSnapshot } from "../decision/decision-snapshot.ts";
import cases from "../fixtures/compile-cases.json" with { type: "json" };
import { type Recipe, recipeSchema } from "../recipe/recipe-schema.ts";

export const NOW_MS = Date.UTC(2026, 10, 25, 12);
const CATEGORIES = ["crypto", "politics", "sports"] as const;

const QUESTIONS = [
  "Will Bitcoin close above $120,000 on December 31, 2026?",
  "Will the Democratic candidate win the 2026 Pennsylvania Senate race?",
  "Will the Kansas City Chiefs win Super Bowl LXI?",
  "Will Ethereum trade above $6,000 at any point in December 2026?",
  "Will the Fed cut rates at the December 2026 FOMC meeting?",
];

/** A realistic binary market: YES asks `yesAsk`, NO is the complement with a two-cent spread. */
export function market(i: number, yesAsk = "0.43", description?: string): CandidateMarket {
  const ask: bigint = price(yesAsk);
  return {
    marketId: `0x${(i + 1).toString(16).padStart(64, "a")}`,
    question: QUESTIONS[i % QUESTIONS.length] ?? "",
    description:
      description ??
      "This market resolves to Yes if the condition in the title is met according to the primary resolution source (official results or the named exchange's published close). Otherwise it resolves to No. If the event is postponed beyond the end date, the market resolves to No.",
    category: CATEGORIES[i % CATEGORIES.length] ?? "crypto",
    outcomes: [
      {
        side: "YES",
        label: "Yes",
        bestBid: priceMicros(ask > 20_000n ? ask - 20_000n : 0n),
        bestAsk: priceMicros(ask),
        moves: [{ windowMinutes: 60, changeMicros: -30_000n }],
      },
      {
        side: "NO",
        label: "No",
        bestBid: priceMicros(1_000_000n - ask),
        bestAsk: priceMicros(ask < 20_000n ? 1_000_000n : 1_020_000n - ask),
        moves: [],
      },
    ],
    liquidityUsd: usd("60000"),
    endsAtMs: NOW_MS + (48 + i) * 3_600_000,
    tickSize: price("0.01"),
  };
}

export function snapshot(
  candidates: CandidateMarket[],
  overrides: Partial<DecisionSnapshot> = {},
): DecisionSnapshot {
  return {
    nowMs: NOW_MS,
    candidates,
    positions: [],
    room: { perTradeUsd: usd("100"), budgetLeftUsd: usd("500"), tradesLeftToday: 5, newMarketsLeft: 2 },
    memory: { lessons: [], adaptationNotes: [], sizeMultiplierBps: 10_000, minLiquidityUsd: null },
    allowedCategories: ["politics", "crypto", "sports"],
    ...overrides,
  };
}

export const heldYes = (m: CandidateMarket, qty = "50") => ({
  marketId: m.marketId,
  side: "YES" as const,
  shares: shares(qty),
  averageEntryPrice: price("0.3"),
  openedAtMs: NOW_MS - 86_400_000,
});

/** The "best value" judgement recipe from the recorded compile answers (all categories, EITHER side). */
export const judgementRecipe: Recipe = recipeSchema.parse(cases.cases[16]?.answer);
