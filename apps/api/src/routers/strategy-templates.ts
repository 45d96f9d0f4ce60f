import { RECIPE_VERSION, type Recipe, RULES_DECIDER, recipeSchema } from "@open-trade/llm";

export interface StrategyTemplate {
  readonly id: string;
  readonly title: string;
  readonly strategyPrompt: string;
  /** Rule-only (no judgement), so the bot can trade without any model key. */
  readonly recipe: Recipe;
  readonly modelId: typeof RULES_DECIDER;
}

const universe = (categories: string[]) => ({
  categories,
  minLiquidityUsd: "10000",
  minHoursToResolution: 24,
  maxHoursToResolution: 24 * 60,
  keywords: [],
  excludeKeywords: [],
});
const cadence = { pollingMinutes: 60, maxTradesPerDay: 5, maxOpenMarkets: 3 };

const TEMPLATES: StrategyTemplate[] = [
  {
    id: "longshot-no",
    title: "Fade long shots",
    strategyPrompt:
      "Buy NO on liquid politics markets where YES trades at 10 cents or less and the spread is tight; take profit at 20 %, hold at most two weeks.",
    modelId: RULES_DECIDER,
    recipe: {
      version: RECIPE_VERSION,
      summary:
        "Buys NO when YES is priced at 10¢ or less in liquid politics markets; exits at +20 % or after 14 days.",
      universe: universe(["politics"]),
      entry: {
        outcome: "NO",
        rules: [
          { kind: "price_at_most", outcome: "YES", price: "0.10" },
          { kind: "spread_at_most", spread: "0.02" },
        ],
        judgement: null,
      },
      exits: {
        takeProfitBps: 2_000,
        stopLossBps: 3_000,
        exitHoursBeforeResolution: 12,
        maxHoldHours: 336,
        holdToResolution: false,
      },
      sizing: { mode: "fixed_usd", usd: "10" },
      cadence,
    },
  },
  {
    id: "dip-buyer",
    title: "Buy sharp dips",
    strategyPrompt:
      "Buy YES on sports markets after the price falls 5 cents or more within an hour, if YES is still between 30 and 70 cents; stop out at -15 %.",
    modelId: RULES_DECIDER,
    recipe: {
      version: RECIPE_VERSION,
      summary:
        "Buys YES after a drop of 5¢ or more within an hour while YES is between 30¢ and 70¢ in sports markets.",
      universe: universe(["sports"]),
      entry: {
        outcome: "YES",
        rules: [
          { kind: "price_change", outcome: "YES", direction: "down", change: "0.05", windowMinutes: 60 },
          { kind: "price_at_least", outcome: "YES", price: "0.30" },
          { kind: "price_at_most", outcome: "YES", price: "0.70" },
        ],
        judgement: null,
      },
      exits: {
        takeProfitBps: 1_500,
        stopLossBps: 1_500,
        exitHoursBeforeResolution: 6,
        maxHoldHours: 72,
        holdToResolution: false,
      },
      sizing: { mode: "fixed_usd", usd: "5" },
      cadence,
    },
  },
  {
    id: "favourite-to-resolution",
    title: "Ride strong favourites",
    strategyPrompt:
      "Buy YES on crypto markets where YES trades between 85 and 95 cents and hold to resolution.",
    modelId: RULES_DECIDER,
    recipe: {
      version: RECIPE_VERSION,
      summary: "Buys YES at 85¢-95¢ in crypto markets and holds to resolution.",
      universe: universe(["crypto"]),
      entry: {
        outcome: "YES",
        rules: [
          { kind: "price_at_least", outcome: "YES", price: "0.85" },
          { kind: "price_at_most", outcome: "YES", price: "0.95" },
        ],
        judgement: null,
      },
      exits: {
        takeProfitBps: null,
        stopLossBps: 2_000,
        exitHoursBeforeResolution: null,
        maxHoldHours: null,
        holdToResolution: true,
      },
      sizing: { mode: "fixed_usd", usd: "10" },
      cadence,
    },
  },
];

/** The templates, each checked against the recipe schema when this module loads (a bad one fails loudly). */
export const STRATEGY_TEMPLATES: readonly StrategyTemplate[] = TEMPLATES.map((t) => ({
  ...t,
  recipe: recipeSchema.parse(t.recipe),
}));
