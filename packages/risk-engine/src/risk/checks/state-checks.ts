import { decideLock } from "../../coordination/decide-lock.ts";
import { deny } from "../denial.ts";
import { type MeasuredCheck, reading } from "./risk-check.ts";

export const checkHalted: MeasuredCheck = ({ state }) =>
  reading(null, state, state === "HALTED" ? deny("TRADING_HALTED", {}) : null);

/**
 * In REDUCING only a SELL passes: this package never shorts, so a SELL can only reduce exposure (and the
 * check does not apply to it). Measures today's PnL against the loss limit as a signed amount.
 */
export const checkDailyLoss: MeasuredCheck = ({ state, intent }, snapshot, limits) =>
  intent.side === "BUY"
    ? reading(
        -limits.maxDailyLoss,
        snapshot.pnlToday,
        state === "REDUCING"
          ? deny("DAILY_LOSS_LIMIT_REACHED", {
              pnlToday: snapshot.pnlToday,
              maxDailyLoss: limits.maxDailyLoss,
            })
          : null,
      )
    : null;

/** The value is the bot holding a live lock on the market, when one does. */
export const checkLock: MeasuredCheck = ({ intent }, snapshot, _limits, now) => {
  const lock = snapshot.lock?.marketId === intent.marketId ? snapshot.lock : null;
  const decision = decideLock(lock, intent.botId, now);
  if (decision.kind === "HELD_BY_OTHER") {
    const denial = deny("MARKET_LOCKED", {
      heldByBotId: decision.holderBotId,
      expiresAt: decision.expiresAt,
    });
    return reading(null, decision.holderBotId, denial);
  }
  return reading(null, decision.kind === "HELD_BY_THIS_BOT" ? intent.botId : null, null);
};
