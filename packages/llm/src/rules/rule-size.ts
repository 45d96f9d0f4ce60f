import { type Usd, usd, usdMicros } from "@open-trade/risk-engine";
import type { DecisionSnapshot } from "../decision/decision-snapshot.ts";
import { effectivePerTradeUsd } from "../decision/eligible-candidates.ts";
import type { Sizing } from "../recipe/recipe-schema.ts";

/** USD to spend on one entry: the recipe's sizing at full confidence, never above the room. */
export function ruleSize(sizing: Sizing, snapshot: DecisionSnapshot): Usd {
  const budget = snapshot.room.budgetLeftUsd;
  const wanted =
    sizing.mode === "fixed_usd"
      ? usd(sizing.usd)
      : sizing.mode === "confidence_scaled"
        ? usd(sizing.maxUsd)
        : usdMicros((budget * BigInt(sizing.percent)) / 100n);
  let size = wanted;
  const perTrade = effectivePerTradeUsd(snapshot);
  if (perTrade < size) size = perTrade;
  if (budget < size) size = budget;
  return size < 0n ? usdMicros(0n) : size;
}
