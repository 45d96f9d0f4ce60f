import type { LlmUsageRecord } from "@open-trade/llm";
import type { Usd } from "@open-trade/risk-engine";

/** What an evaluation spent on the model: recorded with its outcome. */
export interface LlmUsage {
  readonly modelId: string | null;
  readonly reservedUsd: Usd;
  readonly records: readonly LlmUsageRecord[];
}

/** An evaluation that asked no model. */
export const NO_USAGE: LlmUsage = { modelId: null, reservedUsd: 0n as Usd, records: [] };
