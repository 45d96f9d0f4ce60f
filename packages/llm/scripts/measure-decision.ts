/**
 * Prints the numbers the README reports: estimated input tokens of a decision prompt with 20 candidate
 * markets, and what one decision costs on three common models at the recorded catalog prices.
 * Run: pnpm --filter @open-trade/llm measure
 */
import { formatUsd } from "@open-trade/risk-engine";
import { catalogCostPico, formatPico, picoToUsdCeil } from "../src/catalog/catalog-entry.ts";
import { decisionRequest } from "../src/decision/decide.ts";
import { estimateJsonCall } from "../src/structured/estimate-json-call.ts";
import { requestInputText } from "../src/structured/request-input-text.ts";
import { recordedCatalog } from "../src/testing/catalog-fixture.ts";
import { judgementRecipe, market, snapshot } from "../src/testing/snapshot-fixture.ts";
import { estimateTokens } from "../src/tokens/estimate-tokens.ts";

const twenty = snapshot(Array.from({ length: 20 }, (_, i) => market(i)));
const request = decisionRequest({ modelId: "", recipe: judgementRecipe, snapshot: twenty });
// System prompt, user prompt and the JSON Schema sent as response_format: all billed as input.
const prompt = requestInputText(request);
const inputTokens = estimateTokens(prompt);
const typicalAnswer = JSON.stringify({
  action: "buy",
  market: "m7",
  outcome: "YES",
  amount: { unit: "usd", value: "25" },
  worstPrice: "0.45",
  confidence: 72,
  reasoning:
    "YES at 0.43 sits below the 0.55 implied by recent polling; spread is two cents and liquidity is deep.",
});
const outputTokens = estimateTokens(typicalAnswer);
const WORST_OUTPUT = request.maxOutputTokens;

console.warn(
  `decision prompt, 20 candidates: ${prompt.length} chars, ~${inputTokens} input tokens (estimateTokens)`,
);
console.warn(`typical answer: ~${outputTokens} output tokens; worst case reserved: ${WORST_OUTPUT}`);
const catalog = recordedCatalog();
for (const id of ["anthropic/claude-3.5-sonnet", "openai/gpt-4o", "openai/gpt-4o-mini"]) {
  const pricing = (await catalog.find(id))?.pricing;
  if (!pricing) throw new Error(`${id} has no price in the recorded catalog`);
  const typical = catalogCostPico(pricing, inputTokens, outputTokens);
  const worst = catalogCostPico(pricing, inputTokens, WORST_OUTPUT);
  const reserve = await estimateJsonCall(catalog, { ...request, modelId: id });
  console.warn(
    `${id}: typical $${formatPico(typical)} (billed $${formatUsd(picoToUsdCeil(typical))}), worst single call $${formatUsd(picoToUsdCeil(worst))}, reservation with repair $${reserve.ok ? formatUsd(reserve.usd) : reserve.code}`,
  );
}
