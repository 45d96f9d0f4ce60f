import { pgEnum } from "drizzle-orm/pg-core";

export const userTier = pgEnum("user_tier", ["free", "basic", "pro"]);
export const botStatus = pgEnum("bot_status", ["paper", "live", "paused", "paused:ai_unavailable", "error"]);
export const riskBudgetType = pgEnum("risk_budget_type", ["individual", "shared"]);
export const botFailureType = pgEnum("bot_failure_type", [
  "slippage",
  "liquidity_kill",
  "rule_violation",
  "api_error",
  "gas_spike",
  "other",
]);
export const tradeType = pgEnum("trade_type", ["paper", "live"]);
export const tradeAction = pgEnum("trade_action", ["buy", "sell"]);
export const evaluationOutcome = pgEnum("evaluation_outcome", [
  "running",
  "filled",
  "hold",
  "denied",
  "skipped",
  "failed",
]);
export const orderIntentStatus = pgEnum("order_intent_status", [
  "prepared",
  "submitted",
  "filled",
  "rejected",
  "ambiguous",
  "abandoned",
]);
