/**
 * Reads `retry-after` in its delay-seconds form (what OpenRouter sends). The HTTP-date form would need
 * the wall clock, so it yields null and the caller's own backoff applies.
 */
export function parseRetryAfterMs(headers: Record<string, string> | undefined): number | null {
  const value = headers?.["retry-after"]?.trim();
  if (!value || !/^\d+(\.\d+)?$/.test(value)) return null;
  return Math.round(Number.parseFloat(value) * 1000);
}
