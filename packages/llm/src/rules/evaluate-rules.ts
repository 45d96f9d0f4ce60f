import { floorToLot, formatPrice, formatShares, formatUsd, isDust } from "@open-trade/risk-engine";
import { type ModelDecision, RULES_DECIDER } from "../decision/decision-schema.ts";
import type { DecisionSnapshot, OutcomeSide } from "../decision/decision-snapshot.ts";
import { eligibleCandidates } from "../decision/eligible-candidates.ts";
import { recipeSizeUsd } from "../decision/recipe-size.ts";
import type { Recipe } from "../recipe/recipe-schema.ts";
import { checkEntryRule } from "./check-entry-rule.ts";
import { firstExit } from "./check-exits.ts";

export type RulesOutcome =
  | { readonly ok: true; readonly decision: ModelDecision }
  /** Entry needs the model; exits were checked and none applied. */
  | { readonly ok: false; readonly code: "NEEDS_JUDGEMENT" };

const hold = (reasoning: string): RulesOutcome => ({
  ok: true,
  decision: { action: "hold", confidence: 100, reasoning, decidedBy: RULES_DECIDER },
});

/**
 * `local/rules`: exits first (for every recipe), then, for a rule-only recipe, entries, with no model
 * call. Returns the decision shape a model would, its reasoning written from the rules that fired.
 * Candidates are tried in the order given, so the same snapshot always gives the same decision.
 */
export function evaluateRules(recipe: Recipe, snapshot: DecisionSnapshot): RulesOutcome {
  if (snapshot.room.tradesLeftToday <= 0) return hold("No trades left today under max_trades_per_day.");

  for (const position of snapshot.positions) {
    const market = snapshot.candidates.find((m) => m.marketId === position.marketId);
    const bid = market?.outcomes.find((o) => o.side === position.side)?.bestBid ?? null;
    if (!market || bid === null || bid < market.tickSize || bid > 1_000_000n - market.tickSize) continue;
    // Dust (under one 0.01-share lot) is closed: no order could sell it.
    if (isDust(position.shares)) continue;
    const reason = firstExit(recipe, position, market, snapshot.nowMs);
    if (reason === null) continue;
    const sellable = floorToLot(position.shares);
    return {
      ok: true,
      decision: {
        action: "sell",
        marketId: market.marketId,
        outcome: position.side,
        amount: { unit: "shares", shares: sellable },
        worstPrice: bid,
        confidence: 100,
        reasoning: `Exit rule fired: ${reason}. Selling all ${formatShares(sellable)} ${position.side} shares at ${formatPrice(bid)} or better.`,
        decidedBy: RULES_DECIDER,
      },
    };
  }

  if (recipe.entry.judgement !== null) return { ok: false, code: "NEEDS_JUDGEMENT" };
  if (snapshot.room.newMarketsLeft <= 0) return hold("No exit applies, and no room for a new market.");
  const amount = recipeSizeUsd(recipe.sizing, snapshot, 100);
  if (amount <= 0n) return hold("No exit applies, and no room left to size an entry.");

  const sides: { side: OutcomeSide; mirrored: boolean }[] =
    recipe.entry.outcome === "EITHER"
      ? [
          { side: "YES", mirrored: false },
          { side: "NO", mirrored: true },
        ]
      : [{ side: recipe.entry.outcome, mirrored: false }];
  const cooldownMs = recipe.exits.reentryCooldownMinutes * 60_000;
  for (const market of eligibleCandidates(recipe, snapshot)) {
    const held = snapshot.positions.filter((p) => p.marketId === market.marketId);
    if (held.some((p) => !isDust(p.shares))) continue;
    // A stop loss that fired a minute ago must not be followed by the same entry at the same price. Dust
    // left by that exit with no exit time given counts as just exited.
    const exitedAt = snapshot.exitedAtMs?.[market.marketId];
    if (exitedAt === undefined ? held.length > 0 : snapshot.nowMs - exitedAt < cooldownMs) continue;
    for (const { side, mirrored } of sides) {
      const ask = market.outcomes.find((o) => o.side === side)?.bestAsk ?? null;
      if (ask === null || ask < market.tickSize || ask > 1_000_000n - market.tickSize) continue;
      const checks = recipe.entry.rules.map((rule) => checkEntryRule(rule, market, side, mirrored));
      if (!checks.every((c) => c.fired)) continue;
      const why = checks.length
        ? checks.map((c) => c.because).join("; ")
        : "the recipe has no entry conditions";
      return {
        ok: true,
        decision: {
          action: "buy",
          marketId: market.marketId,
          outcome: side,
          amount: { unit: "usd", usd: amount },
          worstPrice: ask,
          confidence: 100,
          reasoning: `Entry rules fired: ${why}. Buying $${formatUsd(amount)} of ${side} at ${formatPrice(ask)} or better (${recipe.sizing.mode}).`,
          decidedBy: RULES_DECIDER,
        },
      };
    }
  }
  return hold(
    `No entry rule held on any of ${snapshot.candidates.length} candidate markets, and no exit applies.`,
  );
}
