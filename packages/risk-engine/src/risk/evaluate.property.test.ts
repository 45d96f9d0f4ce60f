import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryIntent, arbitraryLimits, arbitrarySnapshot } from "../../test/arbitraries.ts";
import { notional } from "../money/notional.ts";
import type { Shares } from "../money/units.ts";
import { evaluate } from "./evaluate.ts";
import { computeExposure, sharedPoolSize } from "./exposure.ts";
import type { OrderIntent, RiskLimits, RiskSnapshot } from "./types.ts";

const RUNS = { numRuns: 2_000 };
// Roughly one generated case in twenty is approved, so properties about approvals need more runs.
const APPROVAL_RUNS = { numRuns: 6_000 };
const SIZE_CODES = new Set(["SIZE_NOT_POSITIVE", "SIZE_BELOW_MINIMUM"]);

/** The snapshot as it is once an approved order is sent: a resting BUY, or shares sold, plus one trade. */
function afterOrder(
  snapshot: RiskSnapshot,
  intent: OrderIntent,
  shares: Shares,
  limitPrice: bigint,
): RiskSnapshot {
  const base = {
    ...snapshot,
    tradesToday: snapshot.tradesToday + 1,
    recentOrderTimes: [...snapshot.recentOrderTimes, snapshot.now],
  };
  if (intent.side === "BUY") {
    const order = {
      botId: intent.botId,
      marketId: intent.marketId,
      side: "BUY" as const,
      shares,
      price: limitPrice as never,
    };
    return { ...base, openOrders: [...snapshot.openOrders, order] };
  }
  return base;
}

function ordersLastMinute(snapshot: RiskSnapshot): number {
  return snapshot.recentOrderTimes.filter((t) => t > snapshot.now - 60_000 && t <= snapshot.now).length;
}

describe("evaluate properties", () => {
  it("when given anything at all then it never throws", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (intent, snapshot, limits) => {
        evaluate(intent as never, snapshot as never, limits as never);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(
        arbitraryIntent(fc.boolean()),
        arbitrarySnapshot,
        arbitraryLimits,
        (intent, snapshot, limits) => {
          evaluate(intent, snapshot, limits);
        },
      ),
      RUNS,
    );
  });

  it("when an order is approved then sending it leaves no limit exceeded", () => {
    let approvals = 0;
    fc.assert(
      fc.property(
        arbitraryIntent(fc.boolean()),
        arbitrarySnapshot,
        arbitraryLimits,
        (intent, snapshot, limits: RiskLimits) => {
          const decision = evaluate(intent, snapshot, limits);
          if (!decision.approved) return;
          approvals++;
          const sent = { ...intent, shares: decision.shares };
          const before = computeExposure(snapshot, sent, limits.riskBudgetType === "shared");
          const after = afterOrder(snapshot, sent, decision.shares, decision.limitPrice);
          const exposure = computeExposure(after, sent, limits.riskBudgetType === "shared");
          expect(after.tradesToday).toBeLessThanOrEqual(limits.maxTradesPerDay);
          expect(ordersLastMinute(after)).toBeLessThanOrEqual(limits.maxOrdersPerMinute);
          expect(decision.walk.complete).toBe(true);
          expect(decision.walk.filled).toBe(decision.shares);
          if (intent.side === "SELL") {
            expect(decision.shares).toBeLessThanOrEqual(before.held);
            return;
          }
          // The worst case pays at least the walk's fee (more when the spend at the limit buys more shares).
          expect(decision.orderCost).toBeGreaterThanOrEqual(
            notional(decision.shares, decision.limitPrice, "up") + decision.walk.fee,
          );
          expect(exposure.market).toBeLessThanOrEqual(limits.maxPositionSize);
          if (limits.riskBudgetType === "individual" && limits.riskBudget !== null) {
            expect(exposure.bot).toBeLessThanOrEqual(limits.riskBudget);
          }
          const pool = sharedPoolSize(snapshot.bots);
          if (limits.riskBudgetType === "shared" && pool !== null)
            expect(exposure.shared).toBeLessThanOrEqual(pool);
          if (limits.globalRiskBudget !== null)
            expect(exposure.global).toBeLessThanOrEqual(limits.globalRiskBudget);
          expect(before.inMarket || exposure.openMarkets <= limits.maxConcurrentMarkets).toBe(true);
        },
      ),
      APPROVAL_RUNS,
    );
    // Guards against generators that never reach an approval, which would make this property vacuous.
    expect(approvals).toBeGreaterThan(150);
  });

  it("when an approved order shrinks (down to the minimum size) then it stays approved", () => {
    fc.assert(
      fc.property(
        arbitraryIntent(fc.constant(false)),
        arbitrarySnapshot,
        arbitraryLimits,
        fc.bigInt({ min: 0n, max: 1_000_000n }),
        (intent, snapshot, limits, fraction) => {
          const decision = evaluate(intent, snapshot, limits);
          const minimum = snapshot.market?.book.minOrderSize ?? 1n;
          if (!decision.approved) return;
          const smaller = (minimum + ((intent.shares - minimum) * fraction) / 1_000_000n) as Shares;
          expect(evaluate({ ...intent, shares: smaller }, snapshot, limits).approved).toBe(true);
        },
      ),
      APPROVAL_RUNS,
    );
  });

  it("when a BUY is denied for anything but being too small then growing it keeps it denied", () => {
    fc.assert(
      fc.property(
        arbitraryIntent(fc.constant(false)).map((i) => ({ ...i, side: "BUY" as const })),
        arbitrarySnapshot,
        arbitraryLimits,
        fc.bigInt({ min: 1n, max: 500_000_000n }),
        (intent, snapshot, limits, extra) => {
          const decision = evaluate(intent, snapshot, limits);
          if (decision.approved || decision.denials.some((d) => SIZE_CODES.has(d.code))) return;
          expect(
            evaluate({ ...intent, shares: (intent.shares + extra) as Shares }, snapshot, limits).approved,
          ).toBe(false);
        },
      ),
      RUNS,
    );
  });
});
