import { pnlToday } from "@open-trade/db/queries";
import {
  dayStart,
  deriveAdaptations,
  type Price,
  type RiskLimits,
  type RiskSnapshot,
  tradingState,
  type Usd,
} from "@open-trade/risk-engine";
import type { BotState } from "./bot-state.ts";
import type { Gathered } from "./gather-candidates.ts";
import { type Outcome, outcome, type TradingState } from "./outcome.ts";

/** The bot-local part of the risk snapshot; exposure, budgets, lock and kill switch are read under the lock. */
export type BotRisk = Omit<RiskSnapshot, "positions" | "openOrders" | "bots" | "lock" | "halted" | "market">;

export interface Day {
  readonly state: TradingState;
  readonly pnlToday: Usd;
  readonly tradesToday: number;
  readonly risk: BotRisk;
}

/**
 * Step 3's first half: today's PnL (held tokens marked at the best bid of the books just gathered), trades
 * today and the adaptations of recent failures, and from them the trading state: ACTIVE, REDUCING after the
 * daily loss limit, or HALTED (kill switch), which ends the evaluation here.
 */
export function tradingDay(
  state: BotState,
  gathered: Gathered,
  limits: RiskLimits,
  nowMs: number,
): { readonly day: Day; readonly halted?: Outcome } {
  const bestBid = (tokenId: string): Price | null => {
    for (const view of gathered.views.values()) {
      const book = view.books.get(tokenId);
      if (book) return book.bids.at(-1)?.price ?? null;
    }
    return null;
  };
  const pnl = pnlToday(state.fills, bestBid, nowMs);
  const todays = state.fills.filter((f) => f.atMs >= dayStart(nowMs));
  const risk: BotRisk = {
    now: nowMs,
    pnlToday: pnl,
    dailyLossReachedAt: state.dailyLossReachedAtMs,
    tradesToday: todays.length,
    recentOrderTimes: todays.map((f) => f.atMs),
    adaptations: deriveAdaptations(state.failures, nowMs),
  };
  const halted = state.status === "paused" || state.status === "error";
  const traded = tradingState(
    { ...risk, halted, market: null, positions: [], openOrders: [], bots: [], lock: null },
    limits,
  );
  const day: Day = { state: traded, pnlToday: pnl, tradesToday: todays.length, risk };
  if (traded !== "HALTED") return { day };
  const reason = "The bot is paused (kill switch); nothing is evaluated until it is resumed.";
  return { day, halted: outcome("skipped", reason, { tradingState: "HALTED" }) };
}
