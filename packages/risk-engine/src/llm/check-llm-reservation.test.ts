import { describe, expect, it } from "vitest";
import { u } from "../../test/fixtures.ts";
import { checkLlmReservation } from "./check-llm-reservation.ts";

describe("checkLlmReservation", () => {
  it.each([
    ["spend plus reservation plus estimate exactly at the cap", 1_000_000n, 500_000n, 500_000n, null],
    ["one micro-USD over the cap", 1_000_000n, 500_000n, 500_001n, "LLM_BUDGET_EXCEEDED"],
    ["nothing spent yet", 0n, 0n, 10_000n, null],
  ])("when %s then the answer is %s", (_name, spent, reserved, estimate, code) => {
    const denial = checkLlmReservation(
      { spentToday: u(spent), reserved: u(reserved), estimate: u(estimate) },
      u(2_000_000n),
    );
    expect(denial?.code ?? null).toBe(code);
  });

  it("when denied then the context carries every amount", () => {
    expect(checkLlmReservation({ spentToday: u(2), reserved: u(1), estimate: u(1) }, u(3))?.context).toEqual({
      spentToday: 2n,
      reserved: 1n,
      estimate: 1n,
      maxDailyLlmCost: 3n,
    });
  });
});
