import { formatMicrosFixed } from "../money/format-money.ts";
import type { CheckReading, Measure } from "./checks/risk-check.ts";
import type { DenialCode } from "./denial.ts";
import { judge, type RiskDecision } from "./evaluate.ts";
import { type CheckUnit, RISK_CHECKS } from "./risk-checks.ts";
import type { OrderIntent, RiskLimits, RiskSnapshot } from "./types.ts";

/**
 * pass: the order as asked passed. clipped: it failed this check, but `allowReduce` let the engine shrink it
 * to a size every check accepts (the approved size is in the decision). denied: the order was refused and
 * this check is one reason. skipped: the check does not apply to this order, or the input was unreadable.
 */
export type CheckVerdict = "pass" | "clipped" | "denied" | "skipped";

/** One check, as the engine judged one order: amounts are exact decimals with 6 places ("50.000000"). */
export interface CheckReport {
  readonly name: string;
  readonly verdict: CheckVerdict;
  /** The denial code when the check denied or clipped, else null. */
  readonly code: DenialCode | null;
  readonly unit: CheckUnit;
  readonly limit: string | null;
  readonly value: string | null;
}

export interface Explanation {
  /** Exactly what `evaluate` returns for the same arguments. */
  readonly decision: RiskDecision;
  /** One row per check, in RISK_CHECKS order, measured on the order as asked (before any reduction). */
  readonly checks: readonly CheckReport[];
}

/** Micro-unit amounts with all 6 decimals, counts as integers, names as they are. */
const show = (measure: Measure | null): string | null => {
  if (measure === null) return null;
  if (typeof measure === "bigint") return formatMicrosFixed(measure);
  return String(measure);
};

function verdictOf(reading: CheckReading | null, decision: RiskDecision): CheckVerdict {
  if (reading === null) return "skipped";
  if (reading.denial === null) return "pass";
  return decision.approved ? "clipped" : "denied";
}

/**
 * `evaluate` with its reasons: the same decision, plus one row per check with its verdict, its limit and
 * the value it measured. The checks run once; the rows come from the same code that decided.
 */
export function explain(intent: OrderIntent, snapshot: RiskSnapshot, limits: RiskLimits): Explanation {
  const { decision, readings } = judge(intent, snapshot, limits);
  const checks = RISK_CHECKS.map(({ name, unit }, i): CheckReport => {
    const reading = readings?.[i] ?? null;
    return {
      name,
      verdict: verdictOf(reading, decision),
      code: reading?.denial?.code ?? null,
      unit,
      limit: show(reading?.limit ?? null),
      value: show(reading?.value ?? null),
    };
  });
  return { decision, checks };
}
