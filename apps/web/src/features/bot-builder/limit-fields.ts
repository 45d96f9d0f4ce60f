import type { Tier, TierRule } from "@open-trade/risk-engine";
import type { BotFormValues } from "./form-issues.ts";

export type LimitName = Exclude<
  keyof BotFormValues,
  "name" | "strategyPrompt" | "modelId" | "allowedCategories" | "riskBudgetType"
>;

/** One editable limit of a bot: its column name, label, what it means, and its bounds for the tier. */
export interface LimitField {
  readonly name: LimitName;
  readonly label: string;
  readonly help: string;
  readonly kind: "usd" | "percent" | "integer";
  readonly placeholder?: string;
}

/** Every limit the builder shows, in the order a trader thinks about them. */
export function limitFields(tier: Tier, rule: TierRule): readonly LimitField[] {
  return [
    {
      name: "maxPositionSizeUsd",
      label: "Max position size (USD)",
      help: "The most this bot may have at risk in one market (and its correlated markets), counting the worst-case cost of the next order. Above 0; empty uses your risk profile's default.",
      kind: "usd",
      placeholder: "500",
    },
    {
      name: "maxDailyLossUsd",
      label: "Max daily loss (USD)",
      help: "When today's PnL (realized + unrealized, fees included) reaches minus this amount, the bot only reduces exposure until midnight UTC. Above 0; empty uses your default.",
      kind: "usd",
      placeholder: "100",
    },
    {
      name: "riskBudgetUsd",
      label: "Risk budget (USD)",
      help: "Total exposure this bot may hold across all markets. Above 0; empty uses your global budget.",
      kind: "usd",
    },
    {
      name: "slippageThresholdPercent",
      label: "Slippage threshold (%)",
      help: "How far past the best price an order may walk the book. Above 0 and at most 100; larger orders are clipped to what fits.",
      kind: "percent",
      placeholder: "2",
    },
    {
      name: "maxTradesPerDay",
      label: "Max trades per day",
      help: "Orders the bot may place per UTC day. From 1 to 10,000.",
      kind: "integer",
    },
    {
      name: "maxConcurrentMarkets",
      label: "Max concurrent markets",
      help: "How many markets the bot may hold positions in at once. From 1 to 1,000.",
      kind: "integer",
    },
    {
      name: "pollingFrequencyMinutes",
      label: "Cadence (minutes)",
      help: `How often the bot evaluates. The ${tier} tier allows every ${rule.minPollingMinutes} minutes at most; up to 1,440 (once a day).`,
      kind: "integer",
    },
    {
      name: "maxDailyLlmCostUsd",
      label: "Max model spend per day (USD)",
      help: "A hard cap on what the model may cost this bot per UTC day; the call is skipped when it would pass it. 0 or more; empty uses the tier's default.",
      kind: "usd",
    },
    {
      name: "aiFailureRetryMinutes",
      label: "Retry after model failure (minutes)",
      help: "When the model is unavailable the bot pauses and retries after this long. From 1 to 1,440.",
      kind: "integer",
    },
  ];
}
