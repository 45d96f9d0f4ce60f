import { formatUsd, type Usd, usd } from "@open-trade/risk-engine";
import { z } from "zod";
import type { DecisionMemory } from "../decision/decision-snapshot.ts";
import { maxUsdOrNull } from "../max-usd-or-null.ts";
import { usdString } from "../recipe/wire-money.ts";

export const MAX_LESSONS = 20;
export const MAX_LESSON_CHARS = 200;

/**
 * `bot_context.context_json` as this package writes it. Money is a decimal string (the spec's example
 * shows a float; a float cannot hold a PnL exactly). `caution` holds the lessons that act on sizing.
 */
export const botContextSchema = z.object({
  successful_strategies: z.array(z.string()).default([]),
  avoid_patterns: z.array(z.string()).default([]),
  cumulative_pnl: z
    .string()
    .regex(/^-?\d+(\.\d{1,6})?$/)
    .default("0"),
  last_adaptation: z.string().nullable().default(null),
  caution: z
    .object({
      size_multiplier_bps: z.number().int().min(0).max(10_000).default(10_000),
      min_liquidity_usd: usdString.nullable().default(null),
    })
    .default({ size_multiplier_bps: 10_000, min_liquidity_usd: null }),
});

export type BotContext = z.infer<typeof botContextSchema>;

export const emptyBotContext = (): BotContext => botContextSchema.parse({});

/** How much more careful a lesson makes the bot; merged monotonically, so it can only tighten. */
export interface Caution {
  readonly sizeMultiplierBps: number;
  readonly minLiquidityUsd: Usd | null;
}

export function cautionOf(context: BotContext): Caution {
  return {
    sizeMultiplierBps: context.caution.size_multiplier_bps,
    minLiquidityUsd:
      context.caution.min_liquidity_usd === null ? null : usd(context.caution.min_liquidity_usd),
  };
}

export function tighten(current: Caution, proposed: Partial<Caution>): Caution {
  const multiplier = Math.min(current.sizeMultiplierBps, proposed.sizeMultiplierBps ?? 10_000);
  return {
    sizeMultiplierBps: Math.max(0, multiplier),
    minLiquidityUsd: maxUsdOrNull(current.minLiquidityUsd, proposed.minLiquidityUsd ?? null),
  };
}

export const cautionJson = (caution: Caution): BotContext["caution"] => ({
  size_multiplier_bps: caution.sizeMultiplierBps,
  min_liquidity_usd: caution.minLiquidityUsd === null ? null : formatUsd(caution.minLiquidityUsd),
});

/** The memory a decision prompt and the validator read: lessons, recent adaptation notes, caution. */
export function toDecisionMemory(
  context: BotContext,
  recentAdaptationNotes: readonly string[],
): DecisionMemory {
  const caution = cautionOf(context);
  return {
    lessons: [
      ...context.successful_strategies.map((s) => `worked: ${s}`),
      ...context.avoid_patterns.map((p) => `avoid: ${p}`),
    ],
    adaptationNotes: recentAdaptationNotes.slice(0, 5),
    sizeMultiplierBps: caution.sizeMultiplierBps,
    minLiquidityUsd: caution.minLiquidityUsd,
  };
}
