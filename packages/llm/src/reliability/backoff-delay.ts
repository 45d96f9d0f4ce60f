import type { ModelFailure } from "../provider/model-gateway.ts";

export interface RetryPolicy {
  /** Calls per model, first one included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8_000 };

export function isRetryable(failure: ModelFailure): boolean {
  return failure.code !== "REJECTED";
}

/**
 * How long to wait before retry number `retry` (1-based), or null to stop retrying this model.
 * Full jitter spreads many bots hitting the same rate limit; a server's retry-after is honoured as a
 * floor, and one longer than the policy allows moves on to a fallback model instead of stalling a run.
 */
export function backoffDelayMs(
  policy: RetryPolicy,
  retry: number,
  failure: ModelFailure,
  random01: number,
): number | null {
  if (!isRetryable(failure) || retry >= policy.maxAttempts) return null;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const jittered = Math.floor(random01 * ceiling);
  if (failure.code === "RATE_LIMITED" && failure.retryAfterMs !== null) {
    if (failure.retryAfterMs > policy.maxDelayMs) return null;
    return Math.min(policy.maxDelayMs, failure.retryAfterMs + Math.floor(jittered / 4));
  }
  return jittered;
}
