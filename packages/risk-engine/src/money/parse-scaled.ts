import { MoneyError } from "./money-error.ts";

// Leading-dot forms (".48") appear in Polymarket's WebSocket book events, so they are accepted.
const DECIMAL = /^(-?)(\d*)(?:\.(\d*))?$/;

/**
 * Parses a plain decimal string into an integer count of 10^-decimals units, exactly.
 * Digits beyond `decimals` are accepted only when they are zeros ("100.0000000" from a numeric column),
 * because anything else could not be represented without rounding.
 */
export function parseScaled(input: string, decimals: number, what: string): bigint {
  if (input.trim() === "") {
    throw new MoneyError("EMPTY", `The ${what} is empty; give a decimal number such as "12.5".`);
  }
  const match = DECIMAL.exec(input);
  const whole = match?.[2] ?? "";
  const fraction = match?.[3] ?? "";
  if (!match || (whole === "" && fraction === "")) {
    throw new MoneyError(
      "NOT_A_DECIMAL",
      `The ${what} "${input}" is not a plain decimal number; write it like "12.5" (no exponent, no spaces).`,
    );
  }
  const kept = fraction.slice(0, decimals);
  if (/[^0]/.test(fraction.slice(decimals))) {
    throw new MoneyError(
      "TOO_MANY_DECIMALS",
      `The ${what} "${input}" has more than ${decimals} decimal places; round it to ${decimals}.`,
    );
  }
  const magnitude = BigInt((whole || "0") + kept.padEnd(decimals, "0"));
  return match[1] === "-" ? -magnitude : magnitude;
}
