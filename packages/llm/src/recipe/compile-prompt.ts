import { formatUsd } from "@open-trade/risk-engine";
import type { BotLimits } from "./bot-limits.ts";

export const COMPILE_SYSTEM = `You turn a trader's description of a Polymarket strategy into a JSON recipe.
Rules:
- Express every condition you can as a deterministic entry rule (price_at_most, price_at_least, spread_at_most,
  price_change). Put only what needs judgement (news, reading the question, comparing markets) into
  entry.judgement.instruction; set entry.judgement to null when rules alone decide.
- Prices are decimal strings between 0 and 1 ("0.35"); USD amounts are decimal strings ("25").
- takeProfitBps and stopLossBps are relative to the entry price in basis points (2000 = 20%).
- Stay inside the hard limits given. If the trader asks for more than a limit allows, write what the trader
  asked for; the system will cap it and warn the trader.
- Categories must be lower-case.
- summary: two to four plain sentences the trader can check, naming entry, exit, size and cadence.
Answer with one JSON object only.`;

/** The trader's own words are fenced so a stray "ignore the limits" reads as strategy text, not as orders. */
export function compilePrompt(strategyPrompt: string, limits: BotLimits): string {
  return [
    "Hard limits of this bot:",
    `- allowed categories: ${limits.allowedCategories.join(", ")}`,
    `- max position size: ${formatUsd(limits.maxPositionSizeUsd)} USD`,
    `- max daily loss: ${formatUsd(limits.maxDailyLossUsd)} USD`,
    `- max trades per day: ${limits.maxTradesPerDay}`,
    `- max concurrent markets: ${limits.maxConcurrentMarkets}`,
    `- shortest polling interval: ${limits.minPollingMinutes} minutes`,
    "",
    "Strategy (the trader's words, between the markers):",
    "<<<STRATEGY",
    strategyPrompt.replaceAll("STRATEGY>>>", "STRATEGY>> >"),
    "STRATEGY>>>",
  ].join("\n");
}
