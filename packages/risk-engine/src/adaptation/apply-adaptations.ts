import { applyBpsFloor } from "../money/basis-points.ts";
import type { Usd } from "../money/units.ts";
import type { RiskLimits } from "../risk/types.ts";
import type { AdaptationEffect } from "./adaptation-effect.ts";

const FULL = 10_000;

// A factor above 100 % (or a nonsense negative one) must not loosen anything.
const clampFactor = (factorBps: number): number => Math.min(FULL, Math.max(0, Math.floor(factorBps)));

export interface AdaptedLimits {
  readonly limits: RiskLimits;
  /** Epoch ms until which the market is blocked, or null. */
  readonly blockedUntil: number | null;
}

/** The bot's limits for one market at `now`, tightened by every effect still in force. Never looser. */
export function applyAdaptations(
  limits: RiskLimits,
  effects: readonly AdaptationEffect[],
  marketId: string,
  now: number,
): AdaptedLimits {
  let maxPositionSize: bigint = limits.maxPositionSize;
  let maxSlippageBps = limits.maxSlippageBps;
  let blockedUntil: number | null = null;
  for (const effect of effects) {
    if (effect.marketId !== marketId || effect.until <= now) continue;
    if (effect.kind === "SCALE_MAX_POSITION") {
      maxPositionSize = applyBpsFloor(maxPositionSize, clampFactor(effect.factorBps));
    } else if (effect.kind === "SCALE_SLIPPAGE") {
      maxSlippageBps = Math.floor((maxSlippageBps * clampFactor(effect.factorBps)) / FULL);
    } else {
      blockedUntil = Math.max(blockedUntil ?? 0, effect.until);
    }
  }
  if (maxPositionSize === limits.maxPositionSize && maxSlippageBps === limits.maxSlippageBps) {
    return { limits, blockedUntil };
  }
  return { limits: { ...limits, maxPositionSize: maxPositionSize as Usd, maxSlippageBps }, blockedUntil };
}
