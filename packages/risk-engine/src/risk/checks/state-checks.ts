import { decideLock } from "../../coordination/decide-lock.ts";
import { deny } from "../denial.ts";
import type { RiskCheck } from "./risk-check.ts";

export const checkHalted: RiskCheck = ({ state }) => (state === "HALTED" ? deny("TRADING_HALTED", {}) : null);

/** In REDUCING only a SELL passes: this package never shorts, so a SELL can only reduce exposure. */
export const checkDailyLoss: RiskCheck = ({ state, intent }, snapshot, limits) =>
  state === "REDUCING" && intent.side === "BUY"
    ? deny("DAILY_LOSS_LIMIT_REACHED", { pnlToday: snapshot.pnlToday, maxDailyLoss: limits.maxDailyLoss })
    : null;

export const checkLock: RiskCheck = ({ intent }, snapshot, _limits, now) => {
  const lock = snapshot.lock?.marketId === intent.marketId ? snapshot.lock : null;
  const decision = decideLock(lock, intent.botId, now);
  return decision.kind === "HELD_BY_OTHER"
    ? deny("MARKET_LOCKED", { heldByBotId: decision.holderBotId, expiresAt: decision.expiresAt })
    : null;
};
