import { describe, expect, it } from "vitest";
import { usd } from "../money/parse-money.ts";
import { reserveModelCall } from "./reserve-model-call.ts";

const spent = (spentToday: string, reserved = "0") => ({
  spentToday: usd(spentToday),
  reserved: usd(reserved),
});
const caps = { bot: usd("1"), user: usd("2") };

describe("reserveModelCall", () => {
  it.each([
    ["plenty is left", spent("0"), spent("0"), { ok: true, estimate: usd("0.25") }],
    ["the bot has 0.10 left", spent("0.8", "0.1"), spent("0.9"), { ok: true, estimate: usd("0.1") }],
    ["the user has 0.05 left", spent("0"), spent("1.9", "0.05"), { ok: true, estimate: usd("0.05") }],
  ])("when %s then the reservation is cut to what is left", (_w, bot, user, expected) => {
    expect(reserveModelCall({ bot, user }, caps, usd("0.25"))).toEqual(expected);
  });

  it.each([
    ["the bot's cap is used up", spent("1"), spent("1"), "LLM_BUDGET_EXCEEDED"],
    [
      "the user's total is used up by other bots",
      spent("0"),
      spent("1.5", "0.5"),
      "USER_LLM_BUDGET_EXCEEDED",
    ],
  ])("when %s then it is denied with its code", (_w, bot, user, code) => {
    const result = reserveModelCall({ bot, user }, caps, usd("0.25"));
    expect(result.ok ? null : result.denial.code).toBe(code);
  });
});
