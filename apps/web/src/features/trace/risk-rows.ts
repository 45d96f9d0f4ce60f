import { type DenialCode, RISK_CHECKS } from "@open-trade/risk-engine";
import type { CheckResult, RiskCheckRow } from "../../components/risk-check-table.tsx";
import { checkUnit, formatCheckAmount } from "./check-amount.ts";

/** One check as the trace stores it (`tracedCheckSchema`). */
export interface TracedCheck {
  readonly name: string;
  readonly verdict: CheckResult;
  readonly code: string | null;
  readonly limit: string | null;
  readonly value: string | null;
}

/** The rows the risk engine explained when the evaluation ran, with limit and value formatted by unit. */
export function tracedRiskRows(checks: readonly TracedCheck[]): RiskCheckRow[] {
  return checks.map((c) => {
    const unit = checkUnit(c.name);
    return {
      check: c.name,
      limit: formatCheckAmount(unit, c.limit),
      value: formatCheckAmount(unit, c.value),
      result: c.verdict,
      code: c.code,
    };
  });
}

/** Outcomes in which an order reached the risk engine. */
const CHECKED = new Set(["filled", "denied"]);
const ORDER_CODES = new Set<string>(RISK_CHECKS.flatMap((c) => c.codes));

/**
 * For an evaluation stored without a trace: one row per risk check from its denial codes alone (no limit
 * or value was recorded), denied where one of the check's codes was reported, pass otherwise. Codes that
 * belong to no order check (the model-spend reservation, unreadable input) get their own denied row first.
 * Empty when no order was proposed (hold, skip, failure before the risk engine).
 */
export function riskRows(outcome: string, denialCodes: readonly string[]): RiskCheckRow[] {
  if (!CHECKED.has(outcome) && denialCodes.length === 0) return [];
  const extra = denialCodes
    .filter((code) => !ORDER_CODES.has(code))
    .map((code) => ({
      check: "before the order checks",
      limit: null,
      value: null,
      result: "denied" as const,
      code,
    }));
  const rows = RISK_CHECKS.map(({ name, codes }) => {
    const code = codes.find((c: DenialCode) => denialCodes.includes(c)) ?? null;
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
