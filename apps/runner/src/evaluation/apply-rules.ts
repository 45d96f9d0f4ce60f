import { type DecisionSnapshot, evaluateRules, type ModelDecision, type Recipe } from "@open-trade/llm";

/**
 * Step 3's second half: the recipe's deterministic exits (take profit, stop loss, time exit) for every
 * recipe, and its entries when it is rule-only, decided without the model. Null when judgement is needed.
 */
export function applyRules(recipe: Recipe, snapshot: DecisionSnapshot): ModelDecision | null {
  const local = evaluateRules(recipe, snapshot);
  return local.ok ? local.decision : null;
}
