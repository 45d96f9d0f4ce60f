import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryIntent, arbitraryLimits, arbitrarySnapshot } from "../../test/arbitraries.ts";
import { BOT, M, MARKET, makeIntent, makeLimits, makeSnapshot, s, u } from "../../test/fixtures.ts";
import { DENIAL_CODES, type DenialCode } from "./denial.ts";
import { evaluate } from "./evaluate.ts";
import { type CheckReport, explain } from "./explain.ts";
import { RISK_CHECKS } from "./risk-checks.ts";
import type { OrderIntent, RiskLimits, RiskSnapshot } from "./types.ts";

const run = (
  intent: Partial<OrderIntent> = {},
  snapshot: Partial<RiskSnapshot> = {},
  limits: Partial<RiskLimits> = {},
) => explain(makeIntent(intent), makeSnapshot(snapshot), makeLimits(limits));

const row = (checks: readonly CheckReport[], name: string): CheckReport => {
  const found = checks.find((c) => c.name === name);
  if (!found) throw new Error(`no row named ${name}`);
  return found;
};

// A BUY of 10 shares against a best ask of 0.50 with a 2 % cap is priced at 0.51: worst case 5.10 USD.
const ORDER_COST = 5_100_000n;

describe("explain", () => {
  it("when an order passes then every row is pass or skipped, in RISK_CHECKS order", () => {
    const { decision, checks } = run({}, { tradesToday: 3 }, { maxPositionSize: u(50n * M) });
    expect(decision.approved).toBe(true);
    expect(checks.map((c) => c.name)).toEqual(RISK_CHECKS.map((c) => c.name));
    expect(checks.filter((c) => c.verdict !== "pass" && c.verdict !== "skipped")).toEqual([]);
    expect(row(checks, "trades per day")).toEqual({
      name: "trades per day",
      verdict: "pass",
      code: null,
      unit: "count",
      limit: "10",
      value: "3",
    });
    expect(row(checks, "max position size (with correlated markets)")).toMatchObject({
      verdict: "pass",
      unit: "usd",
      limit: "50.000000",
      value: "5.100000",
    });
  });

  it("when exposure is held then the position row's value is exposure plus the order's cost", () => {
    const position = {
      botId: BOT,
      marketId: MARKET,
      shares: s(20n * M),
      costBasis: u(3n * M),
      correlatedMarkets: [],
    };
    const { checks } = run({}, { positions: [position] }, { maxPositionSize: u(8n * M) });
    expect(row(checks, "max position size (with correlated markets)")).toEqual({
      name: "max position size (with correlated markets)",
      verdict: "denied",
      code: "MAX_POSITION_SIZE_EXCEEDED",
      unit: "usd",
      limit: "8.000000",
      value: "8.100000",
    });
  });

  it("when allowReduce shrinks the order then the check that forced it reads clipped", () => {
    const { decision, checks } = run({ allowReduce: true }, {}, { maxPositionSize: u(ORDER_COST - 1n) });
    expect(decision).toMatchObject({ approved: true, reduced: true });
    const clipped = checks.filter((c) => c.verdict === "clipped");
    expect(clipped).toEqual([
      {
        name: "max position size (with correlated markets)",
        verdict: "clipped",
        code: "MAX_POSITION_SIZE_EXCEEDED",
        unit: "usd",
        limit: "5.099999",
        value: "5.100000",
      },
    ]);
  });

  it("when the trade limit is reached then its row is denied with its code, limit and value", () => {
    const { decision, checks } = run({}, { tradesToday: 10 });
    expect(decision.approved).toBe(false);
    expect(row(checks, "trades per day")).toMatchObject({
      verdict: "denied",
      code: "MAX_TRADES_PER_DAY_REACHED",
      limit: "10",
      value: "10",
    });
  });

  it("when slippage is exceeded then the row compares the limit price with the worst fill needed", () => {
    // Levels of 100 shares at 0.50, 0.51, 0.52...: the 2 % cap stops at 0.51, the 201st share needs 0.52.
    const { checks } = run({ shares: s(250n * M) });
    expect(row(checks, "slippage: the book can fill the size within the threshold")).toEqual({
      name: "slippage: the book can fill the size within the threshold",
      verdict: "denied",
      code: "SLIPPAGE_EXCEEDED",
      unit: "price",
      limit: "0.510000",
      value: "0.520000",
    });
    expect(row(checks, "liquidity: the book can fill the size at all")).toMatchObject({
      verdict: "pass",
      unit: "shares",
      limit: "1000.000000",
      value: "250.000000",
    });
  });

  it("when the book is too thin then liquidity reads available against requested and slippage has no value", () => {
    const { checks } = run({ shares: s(1_500n * M) });
    expect(row(checks, "liquidity: the book can fill the size at all")).toMatchObject({
      verdict: "denied",
      code: "INSUFFICIENT_LIQUIDITY",
      limit: "1000.000000",
      value: "1500.000000",
    });
    expect(row(checks, "slippage: the book can fill the size within the threshold")).toMatchObject({
      verdict: "pass",
      limit: "0.510000",
      value: null,
    });
  });

  it("when a SELL is checked then the rows that only limit BUYs are skipped", () => {
    const position = {
      botId: BOT,
      marketId: MARKET,
      shares: s(20n * M),
      costBasis: u(3n * M),
      correlatedMarkets: [],
    };
    const { decision, checks } = run({ side: "SELL" }, { positions: [position] });
    expect(decision.approved).toBe(true);
    const skipped = checks.filter((c) => c.verdict === "skipped").map((c) => c.name);
    expect(skipped).toEqual([
      "limit price is inside (0, 1)",
      "limit price is on the tick",
      "REDUCING state only lets exposure-reducing orders through",
      "concurrent markets",
      "max position size (with correlated markets)",
      "bot risk budget (individual)",
      "shared risk pool",
      "global risk budget",
    ]);
    expect(row(checks, "a SELL does not exceed the shares held")).toMatchObject({
      verdict: "pass",
      limit: "20.000000",
      value: "10.000000",
    });
  });

  it("when today's loss reached the limit then a BUY reads PnL against minus the limit", () => {
    const { checks } = run({}, { pnlToday: u(-100n * M) });
    expect(row(checks, "REDUCING state only lets exposure-reducing orders through")).toMatchObject({
      verdict: "denied",
      code: "DAILY_LOSS_LIMIT_REACHED",
      limit: "-100.000000",
      value: "-100.000000",
    });
  });

  it("when the input is unreadable then every row is skipped and the decision says why", () => {
    const { decision, checks } = explain(makeIntent({ shares: 5 as never }), makeSnapshot(), makeLimits());
    expect(decision).toMatchObject({ approved: false, denials: [{ code: "INVALID_INPUT" }] });
    expect(new Set(checks.map((c) => c.verdict))).toEqual(new Set(["skipped"]));
  });

  it("when any input is explained then the decision is evaluate's and the rows carry exactly its denials", () => {
    fc.assert(
      fc.property(
        arbitraryIntent(fc.boolean()),
        arbitrarySnapshot,
        arbitraryLimits,
        (intent, snapshot, limits) => {
          const { decision, checks } = explain(intent, snapshot, limits);
          expect(decision).toEqual(evaluate(intent, snapshot, limits));
          const flagged = checks.filter((c) => c.verdict === "denied" || c.verdict === "clipped");
          if (!decision.approved) {
            expect(flagged.every((c) => c.verdict === "denied")).toBe(true);
            expect(flagged.map((c) => c.code)).toEqual(decision.denials.map((d) => d.code));
          } else if (!decision.reduced) {
            expect(flagged).toEqual([]);
          } else {
            expect(flagged.length).toBeGreaterThan(0);
            expect(flagged.every((c) => c.verdict === "clipped")).toBe(true);
          }
          for (const [i, c] of checks.entries()) {
            if (c.code !== null) expect(RISK_CHECKS[i]?.codes).toContain(c.code);
            for (const amount of [c.limit, c.value]) {
              if (amount !== null && c.unit !== "text") expect(amount).toMatch(/^-?\d+(\.\d{6})?$/);
            }
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe("RISK_CHECKS codes", () => {
  // Codes outside the order checks: unreadable input, and the model-spend reservation made before a call.
  const NOT_ORDER_CHECKS: readonly DenialCode[] = [
    "INVALID_INPUT",
    "LLM_BUDGET_EXCEEDED",
    "USER_LLM_BUDGET_EXCEEDED",
  ];

  it.each(DENIAL_CODES.filter((code) => !NOT_ORDER_CHECKS.includes(code)))(
    "when %s is looked up then exactly one check can return it",
    (code) => {
      expect(RISK_CHECKS.filter((c) => c.codes.includes(code))).toHaveLength(1);
    },
  );
});
