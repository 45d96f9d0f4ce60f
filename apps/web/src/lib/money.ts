// Money and prices arrive from the API as exact decimal strings. They are formatted here with bigint
// arithmetic only: no value ever passes through a JS float.

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

interface Scaled {
  readonly negative: boolean;
  /** The magnitude in units of 10^-decimals, rounded half away from zero. */
  readonly units: bigint;
}

/** Parses "12.345" at `decimals` places, rounding the digits beyond them half away from zero. */
export function toScaled(value: string, decimals: number): Scaled {
  const match = DECIMAL.exec(value.trim());
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) {
    throw new Error(`"${value}" is not a decimal number.`);
  }
  const whole = match[2] || "0";
  const fraction = match[3] ?? "";
  const kept = fraction.slice(0, decimals).padEnd(decimals, "0");
  const roundUp = (fraction[decimals] ?? "0") >= "5";
  const units = BigInt(whole + kept) + (roundUp ? 1n : 0n);
  return { negative: match[1] === "-" && units !== 0n, units };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function render(units: bigint, decimals: number): string {
  const digits = units.toString().padStart(decimals + 1, "0");
  const whole = groupThousands(digits.slice(0, digits.length - decimals));
  return decimals === 0 ? whole : `${whole}.${digits.slice(digits.length - decimals)}`;
}

export type Direction = "gain" | "loss" | "flat";

/** Whether an exact amount is above, below or at zero (after rounding to `decimals`). */
export function direction(value: string, decimals = 2): Direction {
  const { negative, units } = toScaled(value, decimals);
  if (units === 0n) return "flat";
  return negative ? "loss" : "gain";
}

export interface UsdOptions {
  /** Write "+" before gains too (PnL); losses always carry "-". */
  readonly signed?: boolean;
  /** Places after the point: 2 for cents, more for model costs of fractions of a cent. */
  readonly decimals?: number;
}

/** "1234.5" → "$1,234.50"; with `signed`, "+$1,234.50" / "-$3.20" / "$0.00". */
export function formatUsd(value: string, { signed = false, decimals = 2 }: UsdOptions = {}): string {
  const { negative, units } = toScaled(value, decimals);
  const sign = negative ? "-" : signed && units !== 0n ? "+" : "";
  return `${sign}$${render(units, decimals)}`;
}

/** A share price in 0..1 as Polymarket shows it: "0.655" → "65.5¢", "0.65" → "65¢". */
export function formatCents(price: string): string {
  const { negative, units } = toScaled(price, 3);
  const whole = units / 10n;
  const tenth = units % 10n;
  return `${negative ? "-" : ""}${whole}${tenth === 0n ? "" : `.${tenth}`}¢`;
}

/** A share quantity with thousands separators and at most two decimals: "1234.5" → "1,234.5". */
export function formatShares(value: string): string {
  const { negative, units } = toScaled(value, 2);
  const text = render(units, 2).replace(/\.?0+$/, "");
  return `${negative ? "-" : ""}${text}`;
}

/** A percentage string such as "2.5" → "2.5%"; `signed` adds "+" to increases. */
export function formatPercent(value: string, signed = false): string {
  const { negative, units } = toScaled(value, 2);
  const text = render(units, 2).replace(/\.?0+$/, "");
  return `${negative ? "-" : signed && units !== 0n ? "+" : ""}${text}%`;
}

/** Exact sum of decimal strings at `decimals` places (e.g. a summary row), returned as a decimal string. */
export function sumDecimals(values: readonly string[], decimals = 6): string {
  let total = 0n;
  for (const v of values) {
    const { negative, units } = toScaled(v, decimals);
    total += negative ? -units : units;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** How much of a limit is used, as a whole percentage for a meter (0..100, clamped); null without a limit. */
export function usedPercent(used: string, limit: string | null): number | null {
  if (limit === null) return null;
  const l = toScaled(limit, 6);
  if (l.units === 0n || l.negative) return null;
  const u = toScaled(used, 6);
  if (u.negative) return 0;
  const pct = (u.units * 100n) / l.units;
  return Number(pct > 100n ? 100n : pct);
}
