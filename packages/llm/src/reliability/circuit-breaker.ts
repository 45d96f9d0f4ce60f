export interface BreakerPolicy {
  /** Consecutive failed calls that open the circuit. */
  readonly failureThreshold: number;
  readonly cooldownMs: number;
}

export const defaultBreakerPolicy: BreakerPolicy = { failureThreshold: 5, cooldownMs: 60_000 };

type BreakerState =
  | { readonly status: "CLOSED"; readonly failures: number }
  | { readonly status: "OPEN"; readonly until: number }
  | { readonly status: "HALF_OPEN" };

/**
 * One breaker per model id, so a provider outage on one model stops hammering it while fallbacks run.
 * After the cooldown a single trial call is let through; its result closes or re-opens the circuit.
 */
export class CircuitBreakers {
  private readonly states = new Map<string, BreakerState>();

  constructor(private readonly policy: BreakerPolicy = defaultBreakerPolicy) {}

  allows(modelId: string, nowMs: number): boolean {
    const state = this.states.get(modelId) ?? { status: "CLOSED", failures: 0 };
    if (state.status === "CLOSED") return true;
    if (state.status === "HALF_OPEN") return false;
    if (nowMs < state.until) return false;
    this.states.set(modelId, { status: "HALF_OPEN" });
    return true;
  }

  recordSuccess(modelId: string): void {
    this.states.set(modelId, { status: "CLOSED", failures: 0 });
  }

  recordFailure(modelId: string, nowMs: number): void {
    const state = this.states.get(modelId) ?? { status: "CLOSED", failures: 0 };
    const failures = state.status === "CLOSED" ? state.failures + 1 : this.policy.failureThreshold;
    this.states.set(
      modelId,
      failures >= this.policy.failureThreshold
        ? { status: "OPEN", until: nowMs + this.policy.cooldownMs }
        : { status: "CLOSED", failures },
    );
  }

  statusOf(modelId: string): BreakerState["status"] {
    return this.states.get(modelId)?.status ?? "CLOSED";
  }
}
