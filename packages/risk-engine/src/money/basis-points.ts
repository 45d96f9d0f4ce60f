import { divFloor } from "./divide.ts";
import { MoneyError } from "./money-error.ts";
import { parseScaled } from "./parse-scaled.ts";

/** Basis points: an exact integer, 1 % = 100 bps. */
export type Bps = number;

export const BPS_PER_UNIT = 10_000n;

/**
 * Parses a percentage as stored in the database ("2.0", "0.5") into whole basis points.
 * Finer than 0.01 % is refused rather than rounded, so a limit is never silently changed.
 */
export function percentToBps(input: string): Bps {
  const bps = parseScaled(input, 2, "percentage");
  if (bps < 0n || bps > BPS_PER_UNIT) {
    throw new MoneyError("OUT_OF_RANGE", `The percentage "${input}" must be between 0 and 100.`);
  }
  return Number(bps);
}

/** `amount * bps / 10_000`, rounded toward negative infinity. */
export function applyBpsFloor(amount: bigint, bps: Bps): bigint {
  return divFloor(amount * BigInt(bps), BPS_PER_UNIT);
}
