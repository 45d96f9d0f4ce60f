import type { LedgerHolding } from "@open-trade/db/queries";
import { type DecisionSnapshot, type SnapshotPosition, toDecisionMemory } from "@open-trade/llm";
import { averageEntryPrice, isDust, type Price, type RiskLimits, type Usd } from "@open-trade/risk-engine";
import type { BotState } from "./bot-state.ts";
import type { Gathered } from "./gather-candidates.ts";

/** What the decision (rules or model) sees: candidates, this bot's holdings, the room under its limits, memory. */
export function decisionSnapshot(
  state: BotState,
  gathered: Gathered,
  holdings: ReadonlyMap<string, LedgerHolding>,
  limits: RiskLimits,
  tradesToday: number,
  nowMs: number,
): DecisionSnapshot {
  const positions: SnapshotPosition[] = [];
  let invested = 0n;
  for (const holding of holdings.values()) {
    // Dust (under one 0.01-share lot, what a full exit of a client-sized buy leaves) is a closed position.
    if (isDust(holding.position.shares)) continue;
    invested += holding.position.costBasis;
    const view = gathered.views.get(holding.marketId);
    if (!view) continue;
    positions.push({
      marketId: holding.marketId,
      side: view.tokenFor("YES") === holding.tokenId ? "YES" : "NO",
      shares: holding.position.shares,
      averageEntryPrice: averageEntryPrice(holding.position) ?? (0n as Price),
      openedAtMs: holding.openedAtMs,
    });
  }
  const openMarkets = new Set(positions.map((p) => p.marketId)).size;
  const budget = limits.riskBudget ?? limits.globalRiskBudget ?? limits.maxPositionSize;
  const left = budget - invested;
  return {
    nowMs,
    candidates: gathered.candidates,
    positions,
    room: {
      perTradeUsd: limits.maxPositionSize,
      budgetLeftUsd: (left > 0n ? left : 0n) as Usd,
      tradesLeftToday: Math.max(0, limits.maxTradesPerDay - tradesToday),
      newMarketsLeft: Math.max(0, limits.maxConcurrentMarkets - openMarkets),
    },
    memory: toDecisionMemory(state.context, state.recentNotes),
    allowedCategories: state.limits.allowed_categories ?? [],
    exitedAtMs: exitTimes(state.fills),
  };
}

/** When each market was last sold out of (its tokens' holdings back to zero), for the re-entry cooldown. */
function exitTimes(fills: BotState["fills"]): Record<string, number> {
  const held = new Map<string, bigint>();
  const exited: Record<string, number> = {};
  for (const fill of fills) {
    const shares = (held.get(fill.tokenId) ?? 0n) + (fill.side === "BUY" ? fill.shares : -fill.shares);
    held.set(fill.tokenId, shares);
    if (fill.side === "SELL" && isDust(shares)) exited[fill.marketId] = fill.atMs;
  }
  return exited;
}
