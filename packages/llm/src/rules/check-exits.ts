import { formatPrice } from "@open-trade/risk-engine";
import type { CandidateMarket, SnapshotPosition } from "../decision/decision-snapshot.ts";
import type { Recipe } from "../recipe/recipe-schema.ts";

const HOUR_MS = 3_600_000;

/**
 * The first exit of the recipe that applies to a held position, in a fixed order (stop loss, take
 * profit, time exit, max hold), or null. Gains compare the best bid, what selling would fetch.
 */
export function firstExit(
  recipe: Recipe,
  position: SnapshotPosition,
  market: CandidateMarket,
  nowMs: number,
): string | null {
  const { exits } = recipe;
  const bid = market.outcomes.find((o) => o.side === position.side)?.bestBid ?? null;
  const entry = position.averageEntryPrice;
  if (bid !== null) {
    const bidText = `${position.side} bid ${formatPrice(bid)} vs entry ${formatPrice(entry)}`;
    if (exits.stopLossBps !== null && bid * 10_000n <= entry * BigInt(10_000 - exits.stopLossBps)) {
      return `stop loss ${exits.stopLossBps} bps reached (${bidText})`;
    }
    if (exits.takeProfitBps !== null && bid * 10_000n >= entry * BigInt(10_000 + exits.takeProfitBps)) {
      return `take profit ${exits.takeProfitBps} bps reached (${bidText})`;
    }
  }
  if (exits.holdToResolution) return null;
  const hoursLeft = (market.endsAtMs - nowMs) / HOUR_MS;
  if (exits.exitHoursBeforeResolution !== null && hoursLeft <= exits.exitHoursBeforeResolution) {
    return `time exit: ${Math.floor(hoursLeft)}h to resolution <= ${exits.exitHoursBeforeResolution}h`;
  }
  const heldHours = (nowMs - position.openedAtMs) / HOUR_MS;
  if (exits.maxHoldHours !== null && heldHours >= exits.maxHoldHours) {
    return `held ${Math.floor(heldHours)}h >= ${exits.maxHoldHours}h`;
  }
  return null;
}
