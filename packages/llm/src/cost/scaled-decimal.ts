/**
 * Exact conversion between decimal literals and bigint counts of 10^-scale units. OpenRouter quotes
 * per-token prices with up to 12 decimals ("0.00000015") and reports call costs as JSON numbers that
 * may use exponent notation, both finer than the micro-USD the risk engine counts in, so they are
 * carried at a finer scale here and rounded UP (never in the caller's favour) only when they become Usd.
 */
const LITERAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

export interface Scaled {
  readonly value: bigint;
  /** False when digits beyond the scale were rounded up. */
  readonly exact: boolean;
}

export function parseScaledCeil(literal: string, scale: number): Scaled | null {
  const match = LITERAL.exec(literal.trim());
  if (!match) return null;
  const [, sign = "", whole = "0", fraction = "", exponentText = "0"] = match;
  const exponent = Number.parseInt(exponentText, 10);
  if (Math.abs(exponent) > 64) return null;
  const digits = BigInt(whole + fraction);
  const shift = scale - fraction.length + exponent;
  const negative = sign === "-";
  if (shift >= 0) return { value: (negative ? -1n : 1n) * digits * 10n ** BigInt(shift), exact: true };
  const divisor = 10n ** BigInt(-shift);
  const quotient = digits / divisor;
  const exact = quotient * divisor === digits;
  if (negative) return { value: -quotient, exact };
  return { value: exact ? quotient : quotient + 1n, exact };
}

export function formatScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const magnitude = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const whole = magnitude.slice(0, magnitude.length - scale);
  const fraction = magnitude.slice(magnitude.length - scale).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}
