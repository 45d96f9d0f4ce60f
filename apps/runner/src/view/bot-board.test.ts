import { formatUsd, usdMicros } from "@open-trade/risk-engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEvaluation, type BotRow, rowForKnownBot, totalPnl } from "./bot-board.ts";
import { evaluationEvent } from "./view-fixtures.ts";

const AT = new Date("2026-11-25T12:00:00.000Z");

describe("applyEvaluation", () => {
  it.each<[string, Parameters<typeof evaluationEvent>[0], Partial<BotRow>]>([
    ["a fill", {}, { evaluations: 1, fills: 1, lastOutcome: "filled", pnlTodayUsd: "-0.12" }],
    [
      "a hold",
      { outcome: "hold", fill: undefined, reason: "no ask under 0.2" },
      { evaluations: 1, fills: 0, lastOutcome: "hold", lastReason: "no ask under 0.2" },
    ],
    [
      "a denial",
      {
        outcome: "denied",
        fill: undefined,
        denialCodes: ["DAILY_LOSS_LIMIT_REACHED", "SLIPPAGE_EXCEEDED"],
        reason: "too far",
      },
      { fills: 0, lastOutcome: "denied", lastReason: "DAILY_LOSS_LIMIT_REACHED,SLIPPAGE_EXCEEDED: too far" },
    ],
    [
      "a halted bot",
      { outcome: "skipped", fill: undefined, tradingState: "HALTED", status: "paused" },
      { tradingState: "HALTED", status: "paused", lastOutcome: "skipped" },
    ],
  ])("when the first evaluation is %s then the row shows it", (_name, overrides, expected) => {
    expect(applyEvaluation(undefined, evaluationEvent(overrides), AT)).toMatchObject({
      ...expected,
      lastAt: AT,
    });
  });

  it.each<[string, Parameters<typeof rowForKnownBot>[0]["last"], Partial<BotRow>]>([
    ["never evaluated", undefined, { lastOutcome: "waiting", tradingState: "-", lastAt: null }],
    [
      "evaluated before a restart",
      { outcome: "denied", reason: "SLIPPAGE", tradingState: "REDUCING", at: AT },
      {
        lastOutcome: "(denied)",
        lastReason: "before this start: SLIPPAGE",
        tradingState: "REDUCING",
        lastAt: AT,
      },
    ],
  ])("when a known bot was %s then its row says so", (_name, last, expected) => {
    const bot = { botId: "b", botName: "b", mode: "paper", status: "paper" };
    expect(rowForKnownBot(last ? { ...bot, last } : bot)).toMatchObject({ evaluations: 0, ...expected });
  });

  it("when evaluations follow a known bot then counts accumulate from zero", () => {
    const known = rowForKnownBot({
      botId: "bot-1",
      botName: "Cheap favourites",
      mode: "paper",
      status: "paper",
    });
    const once = applyEvaluation(known, evaluationEvent(), AT);
    const twice = applyEvaluation(
      once,
      evaluationEvent({ outcome: "hold", fill: undefined, pnlTodayUsd: "0.5" }),
      AT,
    );
    expect([known.evaluations, twice.evaluations, twice.fills, twice.pnlTodayUsd]).toEqual([0, 2, 1, "0.5"]);
  });
});

describe("totalPnl", () => {
  it.each<[string[], string]>([
    [[], "0"],
    [["0.1", "0.2"], "0.3"],
    [["-0.000001", "0.000001"], "0"],
    [["12.5", "-20", "0.25"], "-7.25"],
  ])("when rows hold %j then the total is %s exactly", (pnls, expected) => {
    const rows = pnls.map((p) => ({
      ...rowForKnownBot({ botId: p, botName: p, mode: "paper", status: "paper" }),
      pnlTodayUsd: p,
    }));
    expect(totalPnl(rows)).toBe(expected);
  });

  it("when any micro-USD amounts are summed then the total equals their integer sum", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), { maxLength: 20 }),
        (micros) => {
          const rows = micros.map((m) => ({
            ...rowForKnownBot({ botId: "b", botName: "b", mode: "paper", status: "paper" }),
            pnlTodayUsd: formatUsd(usdMicros(m)),
          }));
          expect(totalPnl(rows)).toBe(formatUsd(usdMicros(micros.reduce((a, b) => a + b, 0n))));
        },
      ),
    );
  });
});
