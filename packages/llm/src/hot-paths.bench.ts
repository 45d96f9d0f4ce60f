import { bench, describe } from "vitest";
import { decisionPrompt } from "./decision/decision-prompt.ts";
import { decisionWireSchema } from "./decision/decision-schema.ts";
import { validateDecision } from "./decision/validate-decision.ts";
import cases from "./fixtures/compile-cases.json" with { type: "json" };
import { applyHardLimits } from "./recipe/apply-hard-limits.ts";
import { recipeSchema } from "./recipe/recipe-schema.ts";
import { evaluateRules } from "./rules/evaluate-rules.ts";
import { parseModelJson } from "./structured/parse-model-json.ts";
import { testLimits } from "./testing/limits-fixture.ts";
import { judgementRecipe, market, snapshot } from "./testing/snapshot-fixture.ts";
import { estimateTokens } from "./tokens/estimate-tokens.ts";

const twenty = snapshot(Array.from({ length: 20 }, (_, i) => market(i, i % 4 === 0 ? "0.25" : "0.43")));
const prompt = decisionPrompt(judgementRecipe, twenty);
const answer = JSON.stringify({
  action: "buy",
  market: "m7",
  outcome: "YES",
  amount: { unit: "usd", value: "25" },
  worstPrice: "0.45",
  confidence: 72,
  reasoning: "YES at 0.43 sits below the 0.55 implied by recent polling.",
});
const wire = decisionWireSchema.parse(JSON.parse(answer));
const ruleRecipe = applyHardLimits(recipeSchema.parse(cases.cases[0]?.answer), testLimits).recipe;
const rawRecipe = recipeSchema.parse(cases.cases[17]?.answer);

describe("decision hot paths (20 candidate markets)", () => {
  bench("decisionPrompt", () => {
    decisionPrompt(judgementRecipe, twenty);
  });
  bench("estimateTokens of the prompt", () => {
    estimateTokens(prompt);
  });
  bench("parseModelJson of an answer", () => {
    parseModelJson(answer, decisionWireSchema);
  });
  bench("validateDecision", () => {
    validateDecision(wire, judgementRecipe, twenty, "bench/model");
  });
  bench("evaluateRules (local/rules)", () => {
    evaluateRules(ruleRecipe, twenty);
  });
});

describe("recipe hot paths", () => {
  bench("recipeSchema.parse + applyHardLimits", () => {
    applyHardLimits(recipeSchema.parse(rawRecipe), testLimits);
  });
});
