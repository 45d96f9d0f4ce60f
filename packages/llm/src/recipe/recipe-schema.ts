import { z } from "zod";
import { priceString, usdString } from "./wire-money.ts";

export const RECIPE_VERSION = 1;

/** After the bot sold out of a market, no rule re-enters it for this long unless the recipe says otherwise. */
export const DEFAULT_REENTRY_COOLDOWN_MINUTES = 60;

const outcomeSide = z.enum(["YES", "NO"]);

/** Deterministic entry conditions; every rule in the list must hold for an entry. */
export const entryRuleSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("price_at_most"), outcome: outcomeSide, price: priceString }),
  z.strictObject({ kind: z.literal("price_at_least"), outcome: outcomeSide, price: priceString }),
  z.strictObject({ kind: z.literal("spread_at_most"), spread: priceString }),
  z.strictObject({
    kind: z.literal("price_change"),
    outcome: outcomeSide,
    direction: z.enum(["up", "down"]),
    /** Absolute move in price, e.g. "0.05" for five cents. */
    change: priceString,
    windowMinutes: z.number().int().min(1).max(10_080),
  }),
]);

export const sizingSchema = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("fixed_usd"), usd: usdString }),
  z.strictObject({ mode: z.literal("budget_percent"), percent: z.number().int().min(1).max(100) }),
  /** Linear from minUsd at confidence 0 to maxUsd at confidence 100. */
  z.strictObject({ mode: z.literal("confidence_scaled"), minUsd: usdString, maxUsd: usdString }),
]);

export const recipeSchema = z.strictObject({
  version: z.literal(RECIPE_VERSION),
  /** Plain-language restatement the trader confirms before the bot runs. */
  summary: z.string().min(1).max(800),
  universe: z.strictObject({
    categories: z.array(z.string().min(1).max(40)).min(1).max(20),
    minLiquidityUsd: usdString.nullable(),
    /** Only markets that resolve within this window from now. */
    minHoursToResolution: z.number().int().min(0).max(87_600).nullable(),
    maxHoursToResolution: z.number().int().min(1).max(87_600).nullable(),
    keywords: z.array(z.string().min(1).max(60)).max(20),
    excludeKeywords: z.array(z.string().min(1).max(60)).max(20),
  }),
  entry: z.strictObject({
    /** Which outcome the strategy buys; "EITHER" lets a rule or the model choose. */
    outcome: z.enum(["YES", "NO", "EITHER"]),
    rules: z.array(entryRuleSchema).max(10),
    /** The part a rule cannot express; null makes the recipe rule-only. */
    judgement: z
      .strictObject({
        instruction: z.string().min(1).max(600),
        minConfidence: z.number().int().min(0).max(100),
      })
      .nullable(),
  }),
  exits: z.strictObject({
    takeProfitBps: z.number().int().min(1).max(100_000).nullable(),
    stopLossBps: z.number().int().min(1).max(10_000).nullable(),
    exitHoursBeforeResolution: z.number().int().min(1).max(8_760).nullable(),
    maxHoldHours: z.number().int().min(1).max(87_600).nullable(),
    holdToResolution: z.boolean(),
    /** Minutes after an exit (a stop loss, say) before a rule may buy the same market again. */
    reentryCooldownMinutes: z.number().int().min(0).max(10_080).default(DEFAULT_REENTRY_COOLDOWN_MINUTES),
  }),
  sizing: sizingSchema,
  cadence: z.strictObject({
    pollingMinutes: z.number().int().min(1).max(10_080),
    maxTradesPerDay: z.number().int().min(1).max(1_000),
    maxOpenMarkets: z.number().int().min(1).max(100),
  }),
});

export type Recipe = z.infer<typeof recipeSchema>;
export type EntryRule = z.infer<typeof entryRuleSchema>;
export type Sizing = z.infer<typeof sizingSchema>;

export const isRuleOnly = (recipe: Recipe): boolean => recipe.entry.judgement === null;
