import { MoneyError } from "../money/money-error.ts";
import { parseScaled } from "../money/parse-scaled.ts";
import type { ConfigIssue } from "./config-issue.ts";

/** A decimal column: `decimals` places at most, above (or from) `min`, up to `max` when there is one. */
export interface DecimalBound {
  readonly kind: "decimal";
  readonly decimals: number;
  readonly min: string;
  readonly minIncluded: boolean;
  readonly max: string | null;
}

export interface IntegerBound {
  readonly kind: "integer";
  readonly min: number;
  readonly max: number;
}

export type FieldBound = DecimalBound | IntegerBound;

const usdAbove0: DecimalBound = { kind: "decimal", decimals: 6, min: "0", minIncluded: false, max: null };

/**
 * The domain of every numeric `bots` setting, in one place: the validator reads it, the runner checks stored
 * rows with it, and the database's `bots_*_in_bounds` constraints are tested against it value by value
 * (packages/db/test/bot-field-bounds.test.ts), so the three can never disagree.
 */
export const BOT_FIELD_BOUNDS = {
  max_daily_loss_usd: usdAbove0,
  max_position_size_usd: usdAbove0,
  risk_budget_usd: usdAbove0,
  /** The tier's maximum (TierRule.maxDailyLlmCostPerBot) applies on top. */
  max_daily_llm_cost_usd: { kind: "decimal", decimals: 6, min: "0", minIncluded: true, max: null },
  /** A percentage in whole basis points. */
  slippage_threshold_percent: { kind: "decimal", decimals: 2, min: "0", minIncluded: false, max: "100" },
  max_trades_per_day: { kind: "integer", min: 1, max: 10_000 },
  ai_failure_retry_minutes: { kind: "integer", min: 1, max: 1_440 },
  priority: { kind: "integer", min: -1_000, max: 1_000 },
  max_concurrent_markets: { kind: "integer", min: 1, max: 1_000 },
  polling_frequency_minutes: { kind: "integer", min: 1, max: 1_440 },
} as const satisfies Readonly<Record<string, FieldBound>>;

export type BoundedField = keyof typeof BOT_FIELD_BOUNDS;
export const BOUNDED_FIELDS = Object.keys(BOT_FIELD_BOUNDS) as readonly BoundedField[];

/** Null when `value` is inside the field's domain; otherwise the issue, with what to do about it. */
export function checkBotField(field: BoundedField, value: unknown): ConfigIssue | null {
  const bound: FieldBound = BOT_FIELD_BOUNDS[field];
  if (bound.kind === "integer") {
    if (typeof value !== "number" || !Number.isInteger(value))
      return { field, code: "NOT_AN_INTEGER", message: `Enter ${field} as a whole number.` };
    return value < bound.min || value > bound.max
      ? { field, code: "OUT_OF_RANGE", message: `Set ${field} between ${bound.min} and ${bound.max}.` }
      : null;
  }
  if (typeof value !== "string") {
    const message = `Send ${field} as a decimal string such as "25.50", not as a number.`;
    return { field, code: "NOT_A_DECIMAL_STRING", message };
  }
  let scaled: bigint;
  try {
    scaled = parseScaled(value, bound.decimals, field);
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    const message = `Enter ${field} as a decimal number with at most ${bound.decimals} decimal places.`;
    return { field, code: "NOT_A_DECIMAL_STRING", message };
  }
  const min = parseScaled(bound.min, bound.decimals, field);
  const low = bound.minIncluded ? scaled < min : scaled <= min;
  const high = bound.max !== null && scaled > parseScaled(bound.max, bound.decimals, field);
  if (!low && !high) return null;
  const range = `${bound.minIncluded ? "from" : "above"} ${bound.min}${bound.max === null ? "" : ` and at most ${bound.max}`}`;
  return { field, code: "OUT_OF_RANGE", message: `Set ${field} ${range}.` };
}

/** Every bounded field of a stored row that is set (not NULL) and outside its domain. */
export function checkStoredBot(row: Readonly<Partial<Record<BoundedField, unknown>>>): ConfigIssue[] {
  return BOUNDED_FIELDS.flatMap((field) => {
    const value = row[field];
    if (value === null || value === undefined) return [];
    const issue = checkBotField(field, value);
    return issue ? [issue] : [];
  });
}
