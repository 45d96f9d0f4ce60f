import { describe, expect, it } from "vitest";
import {
  bookFromWire,
  evaluate,
  formatPrice,
  formatShares,
  type RiskSnapshot,
  resolveLimits,
  shares,
  usd,
} from "./index.ts";

// Mirrors the "Use it" example of README.md, so the documented result is a tested one.
describe("the README example", () => {
  it("when a 150-share BUY may be reduced then 89.73 shares are approved at 0.53", () => {
    const book = bookFromWire({
      bids: [
        { price: "0.48", size: "100" },
        { price: "0.49", size: "50" },
      ],
      asks: [
        { price: "0.53", size: "100" },
        { price: "0.52", size: "40" },
      ],
      tick_size: "0.01",
      min_order_size: "5",
    });
    const limits = resolveLimits(
      {
        max_daily_loss_usd: null,
        max_position_size_usd: "50",
        allowed_categories: ["politics"],
        slippage_threshold_percent: "2.0",
        max_trades_per_day: 10,
        risk_budget_usd: null,
        risk_budget_type: "individual",
        max_concurrent_markets: 3,
        max_daily_llm_cost_usd: null,
      },
      {
        default_daily_loss_usd: "100.00",
        default_position_size_usd: "500.00",
        default_slippage_threshold_percent: "2.0",
        global_risk_budget_usd: null,
      },
      "pro",
    );
    const snapshot: RiskSnapshot = {
      now: Date.UTC(2026, 10, 25, 12),
      market: { id: "0xabc", category: "politics", open: true, book, fee: { rateBps: 700, exponent: 1 } },
      positions: [],
      openOrders: [],
      bots: [],
      pnlToday: usd("0"),
      dailyLossReachedAt: null,
      halted: false,
      tradesToday: 0,
      recentOrderTimes: [],
      lock: null,
      adaptations: [],
    };
    const decision = evaluate(
      { botId: "bot-1", marketId: "0xabc", side: "BUY", shares: shares("150"), allowReduce: true },
      snapshot,
      limits,
    );
    expect(
      decision.approved && [
        formatShares(decision.shares),
        formatPrice(decision.limitPrice),
        decision.reduced,
      ],
    ).toEqual(["89.73", "0.53", true]);
  });
});
