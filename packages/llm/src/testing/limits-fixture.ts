import { toBotLimits } from "../recipe/bot-limits.ts";

/** The limits the recorded compile answers were written against. */
export const testLimits = toBotLimits({
  max_position_size_usd: "100",
  max_daily_loss_usd: "50",
  allowed_categories: ["politics", "crypto", "sports"],
  max_trades_per_day: 10,
  max_concurrent_markets: 3,
  slippage_threshold_percent: "2.0",
  polling_frequency_minutes: 15,
  risk_budget_usd: "1000",
});
