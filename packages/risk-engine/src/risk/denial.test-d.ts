import { describe, expectTypeOf, it } from "vitest";
import type { Price, Shares, Usd } from "../money/units.ts";
import {
  type DENIAL_CONTEXT_FIELDS,
  type Denial,
  type DenialCode,
  type DenialContexts,
  type DenialOf,
  deny,
} from "./denial.ts";

/** A consumer's exhaustive mapping: adding a code without handling it here must fail to compile. */
function httpStatus(denial: Denial): number {
  switch (denial.code) {
    case "INVALID_INPUT":
      return 400;
    case "TRADING_HALTED":
    case "MARKET_LOCKED":
      return 423;
    case "MARKET_UNKNOWN":
      return 404;
    case "MARKET_CLOSED":
    case "INVALID_LIMIT_PRICE":
    case "PRICE_OFF_TICK":
    case "SIZE_NOT_POSITIVE":
    case "SIZE_BELOW_MINIMUM":
    case "INSUFFICIENT_POSITION":
    case "CATEGORY_NOT_ALLOWED":
    case "MARKET_BLOCKED_BY_ADAPTATION":
    case "DAILY_LOSS_LIMIT_REACHED":
    case "ORDER_RATE_EXCEEDED":
    case "MAX_TRADES_PER_DAY_REACHED":
    case "MAX_CONCURRENT_MARKETS_REACHED":
    case "NO_LIQUIDITY":
    case "INSUFFICIENT_LIQUIDITY":
    case "SLIPPAGE_EXCEEDED":
    case "MAX_POSITION_SIZE_EXCEEDED":
    case "BOT_RISK_BUDGET_EXCEEDED":
    case "SHARED_RISK_BUDGET_EXCEEDED":
    case "GLOBAL_RISK_BUDGET_EXCEEDED":
    case "LLM_BUDGET_EXCEEDED":
    case "USER_LLM_BUDGET_EXCEEDED":
      return 422;
    default: {
      const unhandled: never = denial;
      return unhandled;
    }
  }
}

describe("denial types", () => {
  it("when every code is switched on then the default branch is unreachable", () => {
    expectTypeOf(httpStatus).returns.toEqualTypeOf<number>();
  });

  it("when a Record omits a code then it does not compile", () => {
    // @ts-expect-error: MARKET_UNKNOWN and the others are missing
    const partial: Record<DenialCode, string> = { INVALID_INPUT: "x" };
    expectTypeOf(partial).toEqualTypeOf<Record<DenialCode, string>>();
  });

  it("when narrowing on the code then the context has that code's fields", () => {
    const denial = {} as Denial;
    if (denial.code === "SLIPPAGE_EXCEEDED") {
      expectTypeOf(denial.context.limitPrice).toEqualTypeOf<Price>();
      expectTypeOf(denial.context.maxShares).toEqualTypeOf<Shares>();
    }
    if (denial.code === "BOT_RISK_BUDGET_EXCEEDED") expectTypeOf(denial.context.budget).toEqualTypeOf<Usd>();
  });

  it("when building a denial then the context must match its code", () => {
    expectTypeOf(deny("MARKET_CLOSED", { marketId: "m" })).toEqualTypeOf<DenialOf<"MARKET_CLOSED">>();
    // @ts-expect-error: MARKET_CLOSED carries a marketId, not a category
    deny("MARKET_CLOSED", { category: "politics" });
    // @ts-expect-error: not a denial code
    deny("SOMETHING_ELSE", {});
    expectTypeOf<keyof DenialContexts>().toEqualTypeOf<DenialCode>();
  });

  it("when a context gains a field then the documented field list must name it", () => {
    type Listed<C extends DenialCode> = (typeof DENIAL_CONTEXT_FIELDS)[C][number];
    type Unlisted = { [C in DenialCode]: Exclude<keyof DenialContexts[C], Listed<C>> }[DenialCode];
    expectTypeOf<Unlisted>().toBeNever();
  });

  it("when money units are mixed then it does not compile", () => {
    const cost = 1n as Usd;
    // @ts-expect-error: a Price is not a Usd amount
    const price: Price = cost;
    expectTypeOf(price).toEqualTypeOf<Price>();
    // @ts-expect-error: a plain bigint is not Shares
    const size: Shares = 5n;
    expectTypeOf(size).toEqualTypeOf<Shares>();
  });
});
