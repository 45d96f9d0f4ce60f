export { applyFill, applyFills } from "./accounting/apply-fill.ts";
export { type DailyPnlInput, dailyPnl, dayStart, type TimedFill } from "./accounting/daily-pnl.ts";
export { floorToLot, isDust, LOT } from "./accounting/dust.ts";
export { averageFillPrice, tradesFillPrice } from "./accounting/fill-price.ts";
export { averageEntryPrice, type Fill, FLAT, type Position } from "./accounting/position.ts";
export { settle } from "./accounting/settle.ts";
export { unrealizedPnl } from "./accounting/unrealized-pnl.ts";
export type { AdaptationEffect } from "./adaptation/adaptation-effect.ts";
export { type AdaptedLimits, applyAdaptations } from "./adaptation/apply-adaptations.ts";
export {
  type AdaptationOptions,
  DEFAULT_ADAPTATION_OPTIONS,
  deriveAdaptations,
  type FailureRecord,
  type FailureType,
} from "./adaptation/derive-adaptations.ts";
export { bookFromWire, type WireBook } from "./book/book-from-wire.ts";
export type { BookLevel, FeeSchedule, OrderBook } from "./book/order-book.ts";
export { slippageLimitPrice } from "./book/slippage-limit-price.ts";
export { type BookWalk, type WalkRequest, walkBook } from "./book/walk-book.ts";
export { decideLock, type LockDecision, type LockRow } from "./coordination/decide-lock.ts";
export { checkLlmReservation, type LlmSpend } from "./llm/check-llm-reservation.ts";
export {
  type ModelReservation,
  type ModelSpendToday,
  reserveModelCall,
} from "./llm/reserve-model-call.ts";
export { applyBpsFloor, type Bps, percentToBps } from "./money/basis-points.ts";
export { divCeil, divFloor } from "./money/divide.ts";
export {
  formatMicros,
  formatMicrosFixed,
  formatPrice,
  formatShares,
  formatUsd,
} from "./money/format-money.ts";
export { MONEY_ERROR_CODES, MoneyError, type MoneyErrorCode } from "./money/money-error.ts";
export { notional, type Rounding, sharesFor } from "./money/notional.ts";
export { price, shares, usd } from "./money/parse-money.ts";
export { isOnTick, roundLimitToTick } from "./money/tick.ts";
export {
  MICROS,
  type Price,
  priceMicros,
  type Shares,
  type Side,
  sharesMicros,
  type Usd,
  usdMicros,
} from "./money/units.ts";
export {
  BOT_FIELD_BOUNDS,
  BOUNDED_FIELDS,
  type BoundedField,
  checkBotField,
  checkStoredBot,
  type DecimalBound,
  type FieldBound,
  type IntegerBound,
} from "./policy/bot-field-bounds.ts";
export { CONFIG_ISSUE_CODES, type ConfigIssue, type ConfigIssueCode } from "./policy/config-issue.ts";
export {
  type BotLimitsRow,
  type RiskProfileRow,
  resolveLimits,
  SCHEMA_DEFAULTS,
} from "./policy/resolve-limits.ts";
export { isRunnable, RUNNABLE_STATUSES, type RunnableStatus } from "./policy/runnable.ts";
export { TIER_RULES, TIERS, type Tier, type TierRule } from "./policy/tier-rules.ts";
export {
  BOT_STATUSES,
  type BotConfig,
  type BotConfigInput,
  type BotConfigResult,
  type BotStatus,
  checkBotCount,
  validateBotConfig,
} from "./policy/validate-bot-config.ts";
export type {
  CheckReading,
  Measure,
  MeasuredCheck,
  RiskCheck,
} from "./risk/checks/risk-check.ts";
export {
  DENIAL_CODES,
  DENIAL_DESCRIPTIONS,
  type Denial,
  type DenialCode,
  type DenialContexts,
  type DenialOf,
  deny,
  reducibleTo,
} from "./risk/denial.ts";
export {
  type Approval,
  type Decision,
  evaluate,
  type Rejection,
  type RiskDecision,
} from "./risk/evaluate.ts";
export {
  type CheckReport,
  type CheckVerdict,
  type Explanation,
  explain,
} from "./risk/explain.ts";
export { computeExposure, type Exposure, sharedPoolSize } from "./risk/exposure.ts";
export { type PricedOrder, priceOrder } from "./risk/price-order.ts";
export { type CheckUnit, RISK_CHECKS, type RiskCheckEntry } from "./risk/risk-checks.ts";
export { dailyLossReached, type TradingState, tradingState } from "./risk/trading-state.ts";
export type {
  BotBudget,
  HeldPosition,
  MarketLock,
  MarketSnapshot,
  OpenOrder,
  OrderIntent,
  RestingOrder,
  RiskBudgetType,
  RiskLimits,
  RiskSnapshot,
} from "./risk/types.ts";
