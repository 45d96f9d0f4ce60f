import {
  isDust,
  notional,
  type Price,
  price,
  type Shares,
  shares,
  type Usd,
  usd,
} from "@open-trade/risk-engine";
import type { Recipe } from "../recipe/recipe-schema.ts";
import type { DecisionAmount, DecisionWire, ModelDecision } from "./decision-schema.ts";
import {
  type CandidateMarket,
  type DecisionSnapshot,
  marketRef,
  type OutcomeSide,
} from "./decision-snapshot.ts";
import { effectivePerTradeUsd, eligibleCandidates } from "./eligible-candidates.ts";
import { recipeSizeUsd } from "./recipe-size.ts";

export type DecisionProblem =
  | { readonly code: "INCOMPLETE_ORDER"; readonly missing: readonly string[] }
  | { readonly code: "NOT_A_CANDIDATE"; readonly market: string }
  | { readonly code: "UNKNOWN_OUTCOME"; readonly outcome: string }
  | { readonly code: "PRICE_IMPOSSIBLE"; readonly worstPrice: string }
  | { readonly code: "OUTCOME_INVERTED"; readonly chosen: OutcomeSide; readonly pricedAs: OutcomeSide }
  | { readonly code: "PRICE_UNREACHABLE"; readonly worstPrice: Price; readonly best: Price | null }
  | { readonly code: "OUTCOME_AGAINST_RECIPE"; readonly chosen: OutcomeSide; readonly recipe: OutcomeSide }
  | { readonly code: "SELL_WITHOUT_POSITION"; readonly outcome: OutcomeSide }
  | { readonly code: "SELL_MORE_THAN_HELD"; readonly requested: Shares; readonly held: Shares }
  | { readonly code: "SIZE_OVER_ROOM"; readonly requestedUsd: Usd; readonly roomUsd: Usd }
  | { readonly code: "SIZE_ABOVE_RECIPE"; readonly requestedUsd: Usd; readonly recipeUsd: Usd }
  | { readonly code: "NO_TRADES_LEFT" }
  | { readonly code: "NO_NEW_MARKET_ROOM" }
  | { readonly code: "BELOW_MIN_CONFIDENCE"; readonly confidence: number; readonly minimum: number };

export type ValidatedDecision =
  | { readonly ok: true; readonly decision: ModelDecision }
  | { readonly ok: false; readonly problems: readonly DecisionProblem[] };

/**
 * Checks a model's answer against the snapshot it was given, before anyone acts on it: the market is a
 * candidate (or held, for a sell), the outcome exists, the price is possible and reachable on that
 * outcome's side of the book, sides are not inverted, and the size fits the room. Pure.
 */
export function validateDecision(
  wire: DecisionWire,
  recipe: Recipe,
  snapshot: DecisionSnapshot,
  decidedBy: string,
): ValidatedDecision {
  const { confidence, reasoning } = wire;
  if (wire.action === "hold")
    return { ok: true, decision: { action: "hold", confidence, reasoning, decidedBy } };
  const missing = (["market", "outcome", "amount", "worstPrice"] as const).filter((k) => wire[k] === null);
  if (missing.length > 0) return fail({ code: "INCOMPLETE_ORDER", missing });

  const eligible = eligibleCandidates(recipe, snapshot);
  const index = snapshot.candidates.findIndex((_, i) => marketRef(i) === wire.market);
  const market = snapshot.candidates[index];
  // Dust (under one 0.01-share lot) is a closed position: nothing to sell, no market held.
  const open = snapshot.positions.filter((p) => !isDust(p.shares));
  const held = market && open.find((p) => p.marketId === market.marketId && p.side === wire.outcome);
  const listed = market && (eligible.includes(market) || (wire.action === "sell" && held));
  if (!market || !listed) return fail({ code: "NOT_A_CANDIDATE", market: String(wire.market) });
  const side = wire.outcome as OutcomeSide;
  const quote = market.outcomes.find((o) => o.side === side);
  if (!quote) return fail({ code: "UNKNOWN_OUTCOME", outcome: side });

  const worstText = String(wire.worstPrice);
  const worstPrice = price(worstText);
  if (worstPrice < market.tickSize || worstPrice > 1_000_000n - market.tickSize) {
    return fail({ code: "PRICE_IMPOSSIBLE", worstPrice: worstText });
  }
  const amount = toAmount(wire.amount as NonNullable<DecisionWire["amount"]>);
  if ((amount.unit === "usd" ? amount.usd : amount.shares) <= 0n)
    return fail({ code: "INCOMPLETE_ORDER", missing: ["amount"] });
  const problems: DecisionProblem[] = [];
  const pricing = checkPrice(wire.action, side, worstPrice, market);
  if (pricing) problems.push(pricing);

  if (wire.action === "buy") {
    if (recipe.entry.outcome !== "EITHER" && side !== recipe.entry.outcome) {
      problems.push({ code: "OUTCOME_AGAINST_RECIPE", chosen: side, recipe: recipe.entry.outcome });
    }
    const requestedUsd = amount.unit === "usd" ? amount.usd : notional(amount.shares, worstPrice, "up");
    let roomUsd = effectivePerTradeUsd(snapshot);
    if (snapshot.room.budgetLeftUsd < roomUsd) roomUsd = snapshot.room.budgetLeftUsd;
    const recipeUsd = recipeSizeUsd(recipe.sizing, snapshot, confidence);
    if (requestedUsd > roomUsd) problems.push({ code: "SIZE_OVER_ROOM", requestedUsd, roomUsd });
    else if (requestedUsd > recipeUsd) problems.push({ code: "SIZE_ABOVE_RECIPE", requestedUsd, recipeUsd });
    const alreadyIn = open.some((p) => p.marketId === market.marketId);
    if (!alreadyIn && snapshot.room.newMarketsLeft <= 0) problems.push({ code: "NO_NEW_MARKET_ROOM" });
    const minimum = recipe.entry.judgement?.minConfidence ?? 0;
    if (confidence < minimum) problems.push({ code: "BELOW_MIN_CONFIDENCE", confidence, minimum });
  } else if (!held) {
    problems.push({ code: "SELL_WITHOUT_POSITION", outcome: side });
  } else if (amount.unit === "shares" && amount.shares > held.shares) {
    problems.push({ code: "SELL_MORE_THAN_HELD", requested: amount.shares, held: held.shares });
  }
  if (snapshot.room.tradesLeftToday <= 0) problems.push({ code: "NO_TRADES_LEFT" });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    decision: {
      action: wire.action,
      marketId: market.marketId,
      outcome: side,
      amount,
      worstPrice,
      confidence,
      reasoning,
      decidedBy,
    },
  };
}

/**
 * A buy limit below the chosen outcome's ask cannot fill; if it would fill on the other outcome, the model
 * most likely priced the wrong side (YES/NO inverted). The mirror holds for sells against bids.
 */
function checkPrice(
  action: "buy" | "sell",
  side: OutcomeSide,
  worst: Price,
  market: CandidateMarket,
): DecisionProblem | null {
  const other = market.outcomes.find((o) => o.side !== side);
  const quote = market.outcomes.find((o) => o.side === side);
  const best = action === "buy" ? (quote?.bestAsk ?? null) : (quote?.bestBid ?? null);
  const otherBest = action === "buy" ? (other?.bestAsk ?? null) : (other?.bestBid ?? null);
  const reaches = (b: Price | null) => b !== null && (action === "buy" ? worst >= b : worst <= b);
  if (reaches(best)) return null;
  if (other && reaches(otherBest)) return { code: "OUTCOME_INVERTED", chosen: side, pricedAs: other.side };
  return { code: "PRICE_UNREACHABLE", worstPrice: worst, best };
}

function toAmount(wire: NonNullable<DecisionWire["amount"]>): DecisionAmount {
  return wire.unit === "usd"
    ? { unit: "usd", usd: usd(wire.value) }
    : { unit: "shares", shares: shares(wire.value) };
}

const fail = (problem: DecisionProblem): ValidatedDecision => ({ ok: false, problems: [problem] });
