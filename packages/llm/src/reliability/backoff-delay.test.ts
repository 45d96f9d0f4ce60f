import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ModelFailure } from "../provider/model-gateway.ts";
import { backoffDelayMs, type RetryPolicy } from "./backoff-delay.ts";

const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 8_000 };

describe("backoffDelayMs", () => {
  it.each<[string, ModelFailure, number, number, number | null]>([
    ["a 500 on the first retry with full jitter", { code: "SERVER_ERROR", status: 500 }, 1, 0.5, 250],
    ["a 500 on the second retry", { code: "SERVER_ERROR", status: 502 }, 2, 0.5, 500],
    ["a timeout when attempts are used up", { code: "TIMEOUT" }, 3, 0.5, null],
    ["a rejected request", { code: "REJECTED", status: 401 }, 1, 0.5, null],
    ["a 429 with retry-after 2s", { code: "RATE_LIMITED", retryAfterMs: 2_000 }, 1, 0, 2_000],
    ["a 429 with retry-after beyond the cap", { code: "RATE_LIMITED", retryAfterMs: 60_000 }, 1, 0, null],
    ["a 429 without retry-after", { code: "RATE_LIMITED", retryAfterMs: null }, 2, 0.99, 990],
  ])("when %s then the delay is %s", (_name, failure, retry, random, expected) => {
    expect(backoffDelayMs(policy, retry, failure, random)).toBe(expected);
  });

  it("when any retryable failure is retried then the delay stays within [0, maxDelayMs]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 8_000 }), { nil: null }),
        (retry, random, retryAfterMs) => {
          const delay = backoffDelayMs(policy, retry, { code: "RATE_LIMITED", retryAfterMs }, random);
          expect(delay).not.toBeNull();
          expect(delay).toBeGreaterThanOrEqual(retryAfterMs ?? 0);
          expect(delay).toBeLessThanOrEqual(policy.maxDelayMs);
        },
      ),
    );
  });
});
