/**
 * Every series the runner exports, in one place so the core and the edges never invent two names for one
 * thing. Money is a counter of integer micro-USD, so no float ever holds it.
 */
export const METRIC = {
  evaluations: ["open_trade_evaluations_total", "Bot evaluations finished, by outcome and mode."],
  evaluationSeconds: ["open_trade_evaluation_duration_seconds", "Wall time of one bot evaluation."],
  denials: ["open_trade_denials_total", "Risk engine denials, by denial code."],
  fills: ["open_trade_fills_total", "Orders filled, by mode and side."],
  modelCostMicroUsd: [
    "open_trade_model_cost_micro_usd_total",
    "Model spend in micro-USD (1e-6 USD), by model.",
  ],
  dueBots: ["open_trade_due_bots", "Bots due for evaluation and not leased by any runner."],
  oldestDueSeconds: ["open_trade_oldest_due_seconds", "How long the longest-waiting due bot has waited."],
} as const;
