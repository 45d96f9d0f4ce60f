import { type Usd, usdMicros } from "@open-trade/risk-engine";
import type { ModelCatalog } from "../catalog/model-catalog.ts";
import type { ModelRequest } from "../provider/model-gateway.ts";
import {
  type CallOutcome,
  callModel,
  type ReliabilityDeps,
  type ReliabilityOptions,
} from "../reliability/call-model.ts";
import { requestInputText } from "../structured/request-input-text.ts";
import { estimateTokens } from "../tokens/estimate-tokens.ts";
import { callCost } from "./call-cost.ts";
import { estimateCallCost } from "./estimate-call-cost.ts";
import type { LlmReservation } from "./llm-reservation.ts";
import type { LlmPurpose, LlmUsageRecord } from "./usage-record.ts";

export interface MeteredDeps extends ReliabilityDeps {
  readonly catalog: ModelCatalog;
}

/** Spending under one reservation; every call made under it, repairs included, is charged here. */
export class ReservationMeter {
  readonly records: LlmUsageRecord[] = [];

  constructor(
    readonly reservation: LlmReservation,
    readonly userId: string,
  ) {}

  get spentUsd(): Usd {
    return usdMicros(this.records.reduce((sum, record) => sum + record.billedUsd, 0n));
  }
}

export type MeteredOutcome =
  | CallOutcome
  | {
      readonly ok: false;
      readonly code: "MODEL_NOT_IN_CATALOG" | "MODEL_PRICE_UNKNOWN";
      readonly modelId: string;
    }
  | {
      readonly ok: false;
      readonly code: "RESERVATION_TOO_SMALL";
      readonly neededUsd: Usd;
      readonly leftUsd: Usd;
    };

/**
 * A model call that cannot happen without a reservation covering its worst case, and that books what
 * it really cost. No reservation, no call.
 */
export async function catalogEntries(catalog: ModelCatalog, modelIds: readonly string[]) {
  return Promise.all(modelIds.map(async (modelId) => ({ modelId, entry: await catalog.find(modelId) })));
}

export async function meteredCall(
  deps: MeteredDeps,
  meter: ReservationMeter,
  purpose: LlmPurpose,
  request: Omit<ModelRequest, "timeoutMs">,
  options: ReliabilityOptions = {},
): Promise<MeteredOutcome> {
  const modelIds = [request.modelId, ...(options.fallbackModelIds ?? [])];
  const entries = await catalogEntries(deps.catalog, modelIds);
  const promptText = requestInputText(request);
  const estimate = estimateCallCost(entries, estimateTokens(promptText), request.maxOutputTokens);
  if (!estimate.ok) return estimate;
  const leftUsd = usdMicros(meter.reservation.amountUsd - meter.spentUsd);
  if (estimate.usd > leftUsd)
    return { ok: false, code: "RESERVATION_TOO_SMALL", neededUsd: estimate.usd, leftUsd };

  const outcome = await callModel(deps, request, options);
  if (outcome.ok) {
    const entry = entries.find((e) => e.modelId === outcome.modelId)?.entry ?? null;
    const cost = callCost(outcome.reply, promptText, entry);
    meter.records.push({
      reservationId: meter.reservation.id,
      botId: meter.reservation.botId,
      userId: meter.userId,
      modelId: outcome.modelId,
      purpose,
      inputTokens: cost.inputTokens,
      outputTokens: cost.outputTokens,
      costUsd: cost.exactUsd,
      billedUsd: cost.billedUsd,
      costSource: cost.source,
      atMs: deps.clock.nowMs(),
    });
  }
  return outcome;
}
