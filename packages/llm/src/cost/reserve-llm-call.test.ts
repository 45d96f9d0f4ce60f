import { usd } from "@open-trade/risk-engine";
import { describe, expect, it } from "vitest";
import { reserveLlmCall } from "./reserve-llm-call.ts";

describe("reserveLlmCall", () => {
  it.each([
    ["the estimate fits", "1", "0.5", "0.2", "0.3", true],
    ["the estimate exactly fills the cap", "1", "0.5", "0.2", "0.3", true],
    ["the estimate is one micro-dollar over", "1", "0.5", "0.2", "0.300001", false],
    ["open reservations use up the cap", "1", "0", "1", "0.000001", false],
    ["the cap is zero", "0", "0", "0", "0.000001", false],
  ])("when %s then ok is %s", (_name, cap, spent, open, estimate, ok) => {
    const outcome = reserveLlmCall({
      id: "r1",
      botId: "b1",
      budget: { capUsd: usd(cap), spentTodayUsd: usd(spent), openReservationsUsd: usd(open) },
      estimateUsd: usd(estimate),
      nowMs: 0,
    });
    expect(outcome.ok).toBe(ok);
    if (outcome.ok) expect(outcome.reservation.amountUsd).toBe(usd(estimate));
    else
      expect([outcome.code, outcome.committedUsd]).toEqual([
        "LLM_DAILY_BUDGET_EXHAUSTED",
        usd(spent) + usd(open),
      ]);
  });
});
