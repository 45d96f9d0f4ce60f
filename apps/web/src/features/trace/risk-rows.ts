import { type DenialCode, RISK_CHECKS } from "@open-trade/risk-engine";
import type { RiskCheckRow } from "../../components/risk-check-table.tsx";

/**
 * The codes each check in RISK_CHECKS can return, in the same order. The risk engine runs every check and
 * reports every denial, so a check whose codes are absent from an evaluated order passed.
 */
const CHECK_CODES: readonly (readonly DenialCode[])[] = [
  ["TRADING_HALTED"],
  ["MARKET_UNKNOWN"],
  ["MARKET_CLOSED"],
  ["INVALID_LIMIT_PRICE"],
  ["PRICE_OFF_TICK"],
  ["SIZE_NOT_POSITIVE"],
  ["SIZE_BELOW_MINIMUM"],
  ["INSUFFICIENT_POSITION"],
  ["CATEGORY_NOT_ALLOWED"],
  ["MARKET_BLOCKED_BY_ADAPTATION"],
  ["DAILY_LOSS_LIMIT_REACHED"],
  ["MARKET_LOCKED"],
  ["ORDER_RATE_EXCEEDED"],
  ["MAX_TRADES_PER_DAY_REACHED"],
  ["MAX_CONCURRENT_MARKETS_REACHED"],
  ["NO_LIQUIDITY", "INSUFFICIENT_LIQUIDITY"],
  ["SLIPPAGE_EXCEEDED"],
  ["MAX_POSITION_SIZE_EXCEEDED"],
  ["BOT_RISK_BUDGET_EXCEEDED"],
  ["SHARED_RISK_BUDGET_EXCEEDED"],
  ["GLOBAL_RISK_BUDGET_EXCEEDED"],
];

/** Outcomes in which an order reached the risk engine. */
const CHECKED = new Set(["filled", "denied"]);

/**
 * One row per risk check for an evaluation: denied where its code was reported, pass otherwise; codes that
 * belong to no order check (the model-spend reservation, unreadable input) get their own denied row first.
 * Empty when no order was proposed (hold, skip, failure before the risk engine).
 */
export function riskRows(outcome: string, denialCodes: readonly string[]): RiskCheckRow[] {
  if (!CHECKED.has(outcome) && denialCodes.length === 0) return [];
  const known = new Set(CHECK_CODES.flat());
  const extra = denialCodes
    .filter((c) => !known.has(c as DenialCode))
    .map((code) => ({
      check: "before the order checks",
      limit: null,
      value: null,
      result: "denied" as const,
      code,
    }));
  const rows = RISK_CHECKS.map(({ name }, i) => {
    const code = (CHECK_CODES[i] ?? []).find((c) => denialCodes.includes(c)) ?? null;
    return {
      check: name,
      limit: null,
      value: null,
      result: code ? ("denied" as const) : ("pass" as const),
      code,
    };
  });
  return [...extra, ...rows];
}
