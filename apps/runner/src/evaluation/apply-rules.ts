import {
  type DecisionSnapshot,
  evaluateRules,
  type Recipe,
  type Decision as TradeDecision,
} from "@open-trade/llm";

/**
 * Step 3's second half: the recipe's deterministic exits (take profit, stop loss, time exit) for every
 * recipe, and its entries when it is rule-only, decided without the model. Null when judgement is needed.
 */
export function applyRules(recipe: Recipe, snapshot: DecisionSnapshot): TradeDecision | null {
  const local = evaluateRules(recipe, snapshot);
  return local.ok ? local.decision : null;
}
