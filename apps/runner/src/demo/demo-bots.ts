import { type Recipe, recipeSchema } from "@open-trade/llm";

export const DEMO_USER_ID = "00000000-0000-4000-8000-000000000001";
export const DEMO_USER_EMAIL = "demo@open-trade.local";
/** Pro, so the demo bots may poll every 5 minutes (free allows 60). */
export const DEMO_TIER = "pro";

/** The columns the seed writes; numeric columns as decimal strings, as the database stores them. */
export interface DemoBot {
  readonly id: string;
  readonly name: string;
  readonly strategyPrompt: string;
  /** Null for a rule-only recipe: no model is ever called for it. */
  readonly modelId: string | null;
  readonly allowedCategories: readonly string[];
  readonly maxDailyLossUsd: string;
  readonly maxPositionSizeUsd: string;
  readonly maxTradesPerDay: number;
  readonly maxConcurrentMarkets: number;
  readonly pollingFrequencyMinutes: number;
  readonly maxDailyLlmCostUsd: string;
  readonly recipe: Recipe;
}

// Spelled as Polymarket and the stand-in's simulated markets spell them: the risk engine compares exactly.
const CATEGORIES = ["Politics", "Crypto", "Sports", "Economics", "Science", "Culture"];

const universe = {
  categories: CATEGORIES,
  minLiquidityUsd: null,
  minHoursToResolution: null,
  maxHoursToResolution: null,
  keywords: [],
  excludeKeywords: [],
};
const cadence = { pollingMinutes: 5, maxTradesPerDay: 10, maxOpenMarkets: 3 };
const limits = {
  allowedCategories: CATEGORIES,
  maxDailyLossUsd: "25",
  maxPositionSizeUsd: "50",
  maxTradesPerDay: 10,
  maxConcurrentMarkets: 3,
  pollingFrequencyMinutes: 5,
  maxDailyLlmCostUsd: "0.5",
};

/** Parsed with the llm package's recipe schema, so a demo recipe can never drift from what the runner accepts. */
export const DEMO_BOTS: readonly DemoBot[] = [
  {
    id: "00000000-0000-4000-8000-000000000201",
    name: "Demo: cheap YES",
    strategyPrompt:
      "Buy YES for $5 when it trades at 0.60 or less and the spread is at most 5 cents. Take profit at +20%, stop out at -15%.",
    modelId: null,
    ...limits,
    recipe: recipeSchema.parse({
      version: 1,
      summary: "Buys YES for $5 at 0.60 or less when the spread is at most 0.05; sells at +20% or -15%.",
      universe,
      entry: {
        outcome: "YES",
        rules: [
          { kind: "price_at_most", outcome: "YES", price: "0.6" },
          { kind: "spread_at_most", spread: "0.05" },
        ],
        judgement: null,
      },
      exits: {
        takeProfitBps: 2000,
        stopLossBps: 1500,
        exitHoursBeforeResolution: null,
        maxHoldHours: null,
        holdToResolution: false,
      },
      sizing: { mode: "fixed_usd", usd: "5" },
      cadence,
    }),
  },
  {
    id: "00000000-0000-4000-8000-000000000202",
    name: "Demo: fade the favourite",
    strategyPrompt:
      "When YES trades at 0.55 or more with a spread of at most 5 cents, buy NO for $4. Take profit at +30%, stop out at -20%.",
    modelId: null,
    ...limits,
    recipe: recipeSchema.parse({
      version: 1,
      summary:
        "Buys NO for $4 where YES is at 0.55 or more with a spread of at most 0.05; sells at +30% or -20%.",
      universe,
      entry: {
        outcome: "NO",
        rules: [
          { kind: "price_at_least", outcome: "YES", price: "0.55" },
          { kind: "spread_at_most", spread: "0.05" },
        ],
        judgement: null,
      },
      exits: {
        takeProfitBps: 3000,
        stopLossBps: 2000,
        exitHoursBeforeResolution: null,
        maxHoldHours: null,
        holdToResolution: false,
      },
      sizing: { mode: "fixed_usd", usd: "4" },
      cadence,
    }),
  },
  {
    id: "00000000-0000-4000-8000-000000000203",
    name: "Demo: model judgement",
    strategyPrompt:
      "Use judgement: buy the side the news favours in economics and politics markets, $5 a trade, only when quite sure.",
    modelId: "openai/gpt-4o-mini",
    ...limits,
    recipe: recipeSchema.parse({
      version: 1,
      summary:
        "Asks the model which side recent news favours in economics and politics markets; $5 when confidence is 70 or more.",
      universe: { ...universe, categories: ["Economics", "Politics"] },
      entry: {
        outcome: "EITHER",
        rules: [{ kind: "spread_at_most", spread: "0.05" }],
        judgement: {
          instruction: "Buy the outcome that recent news makes more likely than its price says.",
          minConfidence: 70,
        },
      },
      exits: {
        takeProfitBps: 2500,
        stopLossBps: 2000,
        exitHoursBeforeResolution: 24,
        maxHoldHours: null,
        holdToResolution: false,
      },
      sizing: { mode: "fixed_usd", usd: "5" },
      cadence,
    }),
  },
];
