import { type Usd, usdMicros } from "@open-trade/risk-engine";
import type { ModelCatalog } from "../catalog/model-catalog.ts";
import { type CostEstimate, estimateCallCost } from "../cost/estimate-call-cost.ts";
import { catalogEntries } from "../cost/metered-call.ts";
import type { ReliabilityOptions } from "../reliability/call-model.ts";
import { estimateTokens } from "../tokens/estimate-tokens.ts";
import type { JsonRequest } from "./ask-for-json.ts";
import { requestInputText } from "./request-input-text.ts";

/** Room for the issue list and instructions a repair prompt adds to the original prompt. */
const REPAIR_OVERHEAD_TOKENS = 300;

/**
 * What to reserve before askForJson: the first call plus its one repair (which re-sends the prompt
 * with the bad answer echoed), each priced at the dearest model the call may land on.
 */
export async function estimateJsonCall(
  catalog: ModelCatalog,
  request: JsonRequest<unknown>,
  options: ReliabilityOptions = {},
): Promise<CostEstimate> {
  const entries = await catalogEntries(catalog, [request.modelId, ...(options.fallbackModelIds ?? [])]);
  const inputTokens = estimateTokens(requestInputText(request));
  const first = estimateCallCost(entries, inputTokens, request.maxOutputTokens);
  if (!first.ok) return first;
  const repairInput = inputTokens + 2 * request.maxOutputTokens + REPAIR_OVERHEAD_TOKENS;
  const repair = estimateCallCost(entries, repairInput, request.maxOutputTokens);
  if (!repair.ok) return repair;
  const usd: Usd = usdMicros(first.usd + repair.usd);
  return { ok: true, usd, inputTokens };
}
