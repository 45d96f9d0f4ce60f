import { TIER_RULES, type Tier } from "@open-trade/risk-engine";

const MINUTE_MS = 60_000;

/**
 * How long after an evaluation a bot is due again: its `polling_frequency_minutes` (else the recipe's
 * cadence), never shorter than the user's tier allows. A NULL everywhere means the tier's minimum.
 */
export function pollingIntervalMs(
  pollingFrequencyMinutes: number | null,
  recipePollingMinutes: number | null,
  tier: Tier,
): number {
  const minimum = TIER_RULES[tier].minPollingMinutes;
  const asked = pollingFrequencyMinutes ?? recipePollingMinutes ?? minimum;
  return Math.max(asked, minimum) * MINUTE_MS;
}
