/**
 * Reads how long to wait from a `Retry-After` header (seconds or an HTTP date) or Polymarket's newer
 * `retry_after_seconds` body field; null when neither says.
 */
export function retryAfterMs(header: string | null, body: unknown, now: number): number | null {
  if (body && typeof body === "object" && "retry_after_seconds" in body) {
    const seconds = Number((body as { retry_after_seconds: unknown }).retry_after_seconds);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  }
  if (header === null || header.trim() === "") return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
