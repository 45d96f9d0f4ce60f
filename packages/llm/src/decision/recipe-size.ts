import { type Usd, usd, usdMicros } from "@open-trade/risk-engine";
import type { Sizing } from "../recipe/recipe-schema.ts";
import type { DecisionSnapshot } from "./decision-snapshot.ts";
import { effectivePerTradeUsd } from "./eligible-candidates.ts";

/**
 * The most one entry may spend under the recipe's sizing at `confidence` (0-100), never above the
 * room. Rule-only entries use confidence 100; a model's buy is checked against its own confidence.
 */
export function recipeSizeUsd(sizing: Sizing, snapshot: DecisionSnapshot, confidence: number): Usd {
  const budget = snapshot.room.budgetLeftUsd;
  let size: Usd;
  if (sizing.mode === "fixed_usd") size = usd(sizing.usd);
  else if (sizing.mode === "budget_percent") size = usdMicros((budget * BigInt(sizing.percent)) / 100n);
  else {
    const min = usd(sizing.minUsd);
    const span = usd(sizing.maxUsd) - min;
    const clamped = BigInt(Math.min(100, Math.max(0, Math.trunc(confidence))));
    size = usdMicros(min + (span * clamped) / 100n);
  }
  const perTrade = effectivePerTradeUsd(snapshot);
  if (perTrade < size) size = perTrade;
  if (budget < size) size = budget;
  return size < 0n ? usdMicros(0n) : size;
}
