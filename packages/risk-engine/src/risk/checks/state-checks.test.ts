import { describe, expect, it } from "vitest";
import { BOT, type Case, M, MARKET, NOW, OTHER_BOT, runCheck, u } from "../../../test/fixtures.ts";
import type { DenialCode } from "../denial.ts";
import type { MeasuredCheck } from "./risk-check.ts";
import { checkDailyLoss, checkHalted, checkLock } from "./state-checks.ts";

const lock = (lockedByBotId: string, expiresAt: number, marketId = MARKET) => ({
  marketId,
  lockedByBotId,
  expiresAt,
});
const startOfDay = Date.UTC(2026, 10, 25);

describe("state checks", () => {
  it.each(
    (
      [
        ["the kill switch is off", checkHalted, {}, null],
        ["the kill switch is on", checkHalted, { snapshot: { halted: true } }, "TRADING_HALTED"],
        [
          "a loss one micro-USD short of the limit",
          checkDailyLoss,
          { snapshot: { pnlToday: u(-100n * M + 1n) } },
          null,
        ],
        [
          "a loss exactly at the limit",
          checkDailyLoss,
          { snapshot: { pnlToday: u(-100n * M) } },
          "DAILY_LOSS_LIMIT_REACHED",
        ],
        [
          "a SELL while REDUCING",
          checkDailyLoss,
          { intent: { side: "SELL" }, snapshot: { pnlToday: u(-100n * M) } },
          null,
        ],
        [
          "the limit was reached earlier today and PnL recovered",
          checkDailyLoss,
          { snapshot: { dailyLossReachedAt: startOfDay } },
          "DAILY_LOSS_LIMIT_REACHED",
        ],
        [
          "the limit was reached yesterday",
          checkDailyLoss,
          { snapshot: { dailyLossReachedAt: startOfDay - 1 } },
          null,
        ],
        [
          "a day boundary at UTC+13 has already rolled over",
          checkDailyLoss,
          { snapshot: { dailyLossReachedAt: startOfDay }, limits: { dayBoundaryOffsetMinutes: 13 * 60 } },
          null,
        ],
        [
          "HALTED is not reported as a daily loss",
          checkDailyLoss,
          { snapshot: { halted: true, pnlToday: u(-200n * M) } },
          null,
        ],
        ["no lock", checkLock, {}, null],
        [
          "another bot holds a live lock",
          checkLock,
          { snapshot: { lock: lock(OTHER_BOT, NOW + 1) } },
          "MARKET_LOCKED",
        ],
        [
          "another bot's lock expires exactly now",
          checkLock,
          { snapshot: { lock: lock(OTHER_BOT, NOW) } },
          null,
        ],
        ["this bot holds the lock", checkLock, { snapshot: { lock: lock(BOT, NOW + 60_000) } }, null],
        [
          "the lock is on another market",
          checkLock,
          { snapshot: { lock: lock(OTHER_BOT, NOW + 1, "x") } },
          null,
        ],
      ] as [string, MeasuredCheck, Case, DenialCode | null][]
    ).map(([name, check, c, code]) => [name, code ?? "no denial", check, c, code] as const),
  )("when %s then %s", (_name, _outcome, check, c, code) => {
    expect(runCheck(check, c)?.code ?? null).toBe(code);
  });
});
