import { type Usd, usdMicros } from "@open-trade/risk-engine";
import type { CostSource } from "./call-cost.ts";

export type LlmPurpose = "compile" | "decide" | "repair" | "reflect";

/** One billed model call, in the shape the caller stores; daily totals per bot or user are sums of these. */
export interface LlmUsageRecord {
  readonly reservationId: string;
  readonly botId: string;
  readonly userId: string;
  readonly modelId: string;
  readonly purpose: LlmPurpose;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Exact decimal USD for a numeric column. */
  readonly costUsd: string;
  readonly billedUsd: Usd;
  readonly costSource: CostSource;
  readonly atMs: number;
}

/** Billed total of the records inside [fromMs, toMs) that match the owner, e.g. one bot's UTC day. */
export function sumBilledUsd(
  records: readonly LlmUsageRecord[],
  filter: {
    readonly botId?: string;
    readonly userId?: string;
    readonly fromMs: number;
    readonly toMs: number;
  },
): Usd {
  let total = 0n;
  for (const record of records) {
    if (filter.botId !== undefined && record.botId !== filter.botId) continue;
    if (filter.userId !== undefined && record.userId !== filter.userId) continue;
    if (record.atMs < filter.fromMs || record.atMs >= filter.toMs) continue;
    total += record.billedUsd;
  }
  return usdMicros(total);
}
