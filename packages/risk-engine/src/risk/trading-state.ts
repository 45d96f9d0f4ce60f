import { dayStart } from "../accounting/daily-pnl.ts";
import type { RiskLimits, RiskSnapshot } from "./types.ts";

/** ACTIVE: anything the other checks allow. REDUCING: only exposure-reducing orders. HALTED: nothing. */
export type TradingState = "ACTIVE" | "REDUCING" | "HALTED";

/** Reaching the loss limit exactly counts as reached. */
export function dailyLossReached(snapshot: RiskSnapshot, limits: RiskLimits): boolean {
  return snapshot.pnlToday <= -limits.maxDailyLoss;
}

/**
 * The bot's state at `snapshot.now`. The kill switch wins; otherwise the daily loss limit puts the bot in
 * REDUCING for the rest of the trading day, even if PnL later recovers (`dailyLossReachedAt` remembers it).
 */
export function tradingState(snapshot: RiskSnapshot, limits: RiskLimits): TradingState {
  if (snapshot.halted) return "HALTED";
  if (dailyLossReached(snapshot, limits)) return "REDUCING";
  const reachedAt = snapshot.dailyLossReachedAt;
  if (reachedAt !== null && reachedAt >= dayStart(snapshot.now, limits.dayBoundaryOffsetMinutes)) {
    return "REDUCING";
  }
  return "ACTIVE";
}
