import { type CheckUnit, RISK_CHECKS } from "@open-trade/risk-engine";
import { formatCents, formatShares, formatUsd } from "../../lib/money.ts";
import { utcTime } from "../../lib/time.ts";

const UNIT_BY_NAME: ReadonlyMap<string, CheckUnit> = new Map(RISK_CHECKS.map((c) => [c.name, c.unit]));

/** The unit of a check's limit and value, by the check's name; a name this build does not know is text. */
export function checkUnit(name: string): CheckUnit {
  return UNIT_BY_NAME.get(name) ?? "text";
}

/** Decimals a USD amount needs to be shown exactly: at least cents, at most micro-dollars. */
function usdPlaces(value: string): number {
  const fraction = (value.split(".")[1] ?? "").replace(/0+$/, "");
  return Math.min(6, Math.max(2, fraction.length));
}

/** Decimals a price needs in cents: "0.5105" is 51.05¢, never rounded to 51.1¢. */
function formatPriceExact(value: string): string {
  const fraction = (value.split(".")[1] ?? "").replace(/0+$/, "");
  if (fraction.length <= 3) return formatCents(value);
  const [whole = "0", rest = ""] = value.split(".");
  const units = BigInt(whole + rest.padEnd(6, "0").slice(0, 6));
  const cents = units / 10_000n;
  const tail = (units % 10_000n).toString().padStart(4, "0").replace(/0+$/, "");
  return `${value.startsWith("-") ? "-" : ""}${cents < 0n ? -cents : cents}.${tail}¢`;
}

/**
 * A check's limit or value as a trader reads it, exactly: "$50.00", "51¢", "250 shares", "3", a UTC time.
 * Unreadable numbers are shown as they came rather than hidden.
 */
export function formatCheckAmount(unit: CheckUnit, value: string | null): string | null {
  if (value === null) return null;
  try {
    switch (unit) {
      case "usd":
        return formatUsd(value, { decimals: usdPlaces(value) });
      case "price":
        return formatPriceExact(value);
      case "shares":
        return `${formatShares(value)} shares`;
      case "time":
        return /^\d+$/.test(value) ? utcTime(new Date(Number(value)).toISOString()) : value;
      default:
        return value;
    }
  } catch {
    return value;
  }
}
