import type { AdaptationEffect } from "./adaptation-effect.ts";

/** `bot_failures.error_type`. */
export type FailureType =
  | "slippage"
  | "liquidity_kill"
  | "rule_violation"
  | "api_error"
  | "gas_spike"
  | "other";

export interface FailureRecord {
  readonly errorType: FailureType;
  readonly marketId: string | null;
  /** Epoch ms. */
  readonly createdAt: number;
}

export interface AdaptationOptions {
  /** How long a liquidity kill shrinks the market's max position size. */
  readonly liquidityKillPeriodMs: number;
  readonly liquidityKillFactorBps: number;
  /** How long a slippage failure tightens the market's slippage threshold. */
  readonly slippagePeriodMs: number;
  readonly slippageFactorBps: number;
  /** This many market-specific failures within `blockWindowMs` block the market for `blockPeriodMs`. */
  readonly blockAfterFailures: number;
  readonly blockWindowMs: number;
  readonly blockPeriodMs: number;
}

const HOUR_MS = 3_600_000;

export const DEFAULT_ADAPTATION_OPTIONS: AdaptationOptions = {
  liquidityKillPeriodMs: 24 * HOUR_MS,
  liquidityKillFactorBps: 5_000,
  slippagePeriodMs: 24 * HOUR_MS,
  slippageFactorBps: 5_000,
  blockAfterFailures: 3,
  blockWindowMs: 6 * HOUR_MS,
  blockPeriodMs: 24 * HOUR_MS,
};

// Infrastructure trouble says nothing about the market itself, so it never counts toward a block.
const MARKET_FAILURES: ReadonlySet<FailureType> = new Set([
  "slippage",
  "liquidity_kill",
  "rule_violation",
  "other",
]);

/** Turns `bot_failures` rows into the effects still in force at `now`. Each failure adds its own effect. */
export function deriveAdaptations(
  failures: readonly FailureRecord[],
  now: number,
  options: AdaptationOptions = DEFAULT_ADAPTATION_OPTIONS,
): AdaptationEffect[] {
  const effects: AdaptationEffect[] = [];
  const recentByMarket = new Map<string, number[]>();
  for (const failure of failures) {
    const { marketId, createdAt, errorType } = failure;
    if (marketId === null || createdAt > now) continue;
    if (errorType === "liquidity_kill" && createdAt + options.liquidityKillPeriodMs > now) {
      const until = createdAt + options.liquidityKillPeriodMs;
      effects.push({
        kind: "SCALE_MAX_POSITION",
        marketId,
        factorBps: options.liquidityKillFactorBps,
        until,
      });
    }
    if (errorType === "slippage" && createdAt + options.slippagePeriodMs > now) {
      const until = createdAt + options.slippagePeriodMs;
      effects.push({ kind: "SCALE_SLIPPAGE", marketId, factorBps: options.slippageFactorBps, until });
    }
    if (MARKET_FAILURES.has(errorType) && createdAt > now - options.blockWindowMs) {
      recentByMarket.set(marketId, [...(recentByMarket.get(marketId) ?? []), createdAt]);
    }
  }
  for (const [marketId, times] of recentByMarket) {
    if (times.length >= options.blockAfterFailures) {
      effects.push({ kind: "BLOCK_MARKET", marketId, until: Math.max(...times) + options.blockPeriodMs });
    }
  }
  return effects;
}
