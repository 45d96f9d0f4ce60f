import { describe, expect, it } from "vitest";
import { CircuitBreakers } from "./circuit-breaker.ts";

const policy = { failureThreshold: 3, cooldownMs: 1_000 };

describe("CircuitBreakers", () => {
  it.each([
    ["two failures", 2, 0, true, "CLOSED"],
    ["three failures", 3, 0, false, "OPEN"],
    ["three failures and a cooldown not yet over", 3, 999, false, "OPEN"],
    ["three failures and the cooldown over", 3, 1_000, true, "HALF_OPEN"],
  ] as const)("when %s then allows is %s and status %s", (_name, failures, elapsed, allowed, status) => {
    const breakers = new CircuitBreakers(policy);
    for (let i = 0; i < failures; i++) breakers.recordFailure("m", 0);
    expect(breakers.allows("m", elapsed)).toBe(allowed);
    expect(breakers.statusOf("m")).toBe(status);
  });

  it.each([
    ["the trial call succeeds", true, "CLOSED", true],
    ["the trial call fails", false, "OPEN", false],
  ] as const)("when half open and %s then the circuit is %s", (_name, succeeds, status, allowsNext) => {
    const breakers = new CircuitBreakers(policy);
    for (let i = 0; i < 3; i++) breakers.recordFailure("m", 0);
    expect(breakers.allows("m", 1_000)).toBe(true);
    expect(breakers.allows("m", 1_000)).toBe(false);
    if (succeeds) breakers.recordSuccess("m");
    else breakers.recordFailure("m", 1_000);
    expect(breakers.statusOf("m")).toBe(status);
    expect(breakers.allows("m", 1_500)).toBe(allowsNext);
  });

  it("when one model fails then another model's circuit stays closed", () => {
    const breakers = new CircuitBreakers(policy);
    for (let i = 0; i < 3; i++) breakers.recordFailure("a", 0);
    expect([breakers.allows("a", 0), breakers.allows("b", 0)]).toEqual([false, true]);
  });
});
