// The risk engine's money types had not landed when the stand-in was written, so it keeps plain bigint
// micro-unit counts (scale 10^6, the same scale as pUSD and CTF tokens) with this tiny private helper.
// Swap for `usd`/`price`/`shares` from @open-trade/risk-engine once that package exports them.

export const MICROS = 1_000_000n;

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,6}))?$/;

export class MicrosError extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not a decimal with at most 6 fractional digits; send e.g. "0.5" or "12.25"`);
    this.name = "MicrosError";
  }
}

/** Parses a plain decimal string ("12.5", "-0.000001") into micro-units, exactly. */
export function parseMicros(text: string): bigint {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new MicrosError(text);
  const [, sign, whole = "0", fraction = ""] = match;
  const magnitude = BigInt(whole) * MICROS + BigInt(fraction.padEnd(6, "0"));
  return sign === "-" ? -magnitude : magnitude;
}

/** Shortest exact decimal string for a micro-unit count: 500000n -> "0.5", 3000000n -> "3". */
export function formatMicros(value: bigint): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const whole = magnitude / MICROS;
  const fraction = (magnitude % MICROS).toString().padStart(6, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** a * b / divisor rounded up (a, b, divisor > 0): what a taker pays when a result falls between micro-units. */
export function mulDivCeil(a: bigint, b: bigint, divisor: bigint): bigint {
  const product = a * b;
  return (product + divisor - 1n) / divisor;
}

/** Math.min for bigint, which Math.min does not accept. */
export function minMicros(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
