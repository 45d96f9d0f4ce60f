import { describe, expect, it } from "vitest";
import { type Case, ladder, M, MARKET, runCheck } from "../../../test/fixtures.ts";
import type { DenialCode } from "../denial.ts";
import { checkLiquidity, checkSlippage } from "./liquidity-checks.ts";
import type { MeasuredCheck } from "./risk-check.ts";

// The ladder has 10 levels of 100 shares per side; a 2 % cap over 0.50 reaches 0.51, i.e. 200 shares.
const market = (book = ladder(10)) => ({ id: MARKET, category: "politics", open: true, book });
const empty = { ...ladder(0) };

describe("liquidity and slippage checks", () => {
  it.each(
    (
      [
        [
          "a BUY exactly filling the capped levels",
          checkSlippage,
          { intent: { shares: (200n * M) as never } },
          null,
          null,
        ],
        [
          "a BUY one micro-share beyond the capped levels",
          checkSlippage,
          { intent: { shares: (200n * M + 1n) as never } },
          "SLIPPAGE_EXCEEDED",
          200n * M,
        ],
        [
          "a SELL beyond the best bid, whose 2 % floor rounds up onto it",
          checkSlippage,
          { intent: { side: "SELL", shares: (100n * M + 1n) as never } },
          "SLIPPAGE_EXCEEDED",
          100n * M,
        ],
        [
          "a wider threshold lets the BUY through",
          checkSlippage,
          { intent: { shares: (300n * M) as never }, limits: { maxSlippageBps: 400 } },
          null,
          null,
        ],
        [
          "more than the whole book is a liquidity problem, not slippage",
          checkSlippage,
          { intent: { shares: (1_000n * M + 1n) as never }, limits: { maxSlippageBps: 10_000 } },
          null,
          null,
        ],
        [
          "exactly the whole book",
          checkLiquidity,
          { intent: { shares: (1_000n * M) as never }, limits: { maxSlippageBps: 10_000 } },
          null,
          null,
        ],
        [
          "one micro-share more than the whole book",
          checkLiquidity,
          { intent: { shares: (1_000n * M + 1n) as never }, limits: { maxSlippageBps: 10_000 } },
          "INSUFFICIENT_LIQUIDITY",
          1_000n * M,
        ],
        ["an empty ask side", checkLiquidity, { snapshot: { market: market(empty) } }, "NO_LIQUIDITY", null],
        ["an unknown market", checkLiquidity, { snapshot: { market: null } }, null, null],
        ["an unknown market for slippage", checkSlippage, { snapshot: { market: null } }, null, null],
      ] as [string, MeasuredCheck, Case, DenialCode | null, bigint | null][]
    ).map(
      ([name, check, c, code, maxShares]) => [name, code ?? "no denial", check, c, code, maxShares] as const,
    ),
  )("when %s then %s", (_name, _outcome, check, c, code, maxShares) => {
    const denial = runCheck(check, c);
    expect(denial?.code ?? null).toBe(code);
    if (denial && "maxShares" in denial.context) expect(denial.context.maxShares).toBe(maxShares);
  });

  it("when the intent's own limit is tighter then it is the cap", () => {
    const denial = runCheck(checkSlippage, {
      intent: { shares: (101n * M) as never, limitPrice: 500_000n as never },
    });
    expect(denial).toEqual({
      code: "SLIPPAGE_EXCEEDED",
      context: { requested: 101n * M, limitPrice: 500_000n, maxSlippageBps: 200, maxShares: 100n * M },
    });
  });
});
