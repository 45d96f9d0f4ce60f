/** Math.min for bigint micro-units, which Math.min does not accept. */
export function minBig(a: bigint, b: bigint): bigint {
  if (a < b) return a;
  return b;
}
