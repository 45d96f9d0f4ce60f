import { EXCHANGE_MESSAGES, ExchangeError } from "./exchange-error.ts";

/** Which requests a fault applies to; both fields optional (match everything). Gamma paths start with /gamma. */
export interface RequestMatch {
  readonly method?: string;
  readonly path?: string | RegExp;
}

/**
 * Faults a test can inject. `times` (default: until clearFaults) counts matching requests.
 * - status: answer with this HTTP status in the exchange's error shape (429 adds Retry-After);
 *   `afterHandling` runs the request first, so the caller cannot know it succeeded (an ambiguous outcome).
 * - delay: answer late; hang: never answer (until the exchange closes).
 * - late-trades: new trades stay out of /data/trades and out of the order response's hashes for `delayMs`.
 * - drop-websocket: closes every open WebSocket connection now.
 */
export type FaultSpec =
  | {
      readonly kind: "status";
      readonly status: number;
      readonly retryAfterSeconds?: number;
      readonly afterHandling?: boolean;
      readonly match?: RequestMatch;
      readonly times?: number;
    }
  | { readonly kind: "delay"; readonly ms: number; readonly match?: RequestMatch; readonly times?: number }
  | { readonly kind: "hang"; readonly match?: RequestMatch; readonly times?: number }
  | { readonly kind: "late-trades"; readonly delayMs: number }
  | { readonly kind: "drop-websocket" };

export type RequestFault = Extract<FaultSpec, { kind: "status" | "delay" | "hang" }>;

const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  429: EXCHANGE_MESSAGES.tooManyRequests,
  500: EXCHANGE_MESSAGES.internal,
  503: EXCHANGE_MESSAGES.unavailable,
};

/** The error a status fault answers with, shaped like the exchange's own. */
export function faultError(fault: Extract<FaultSpec, { kind: "status" }>): ExchangeError {
  const message = STATUS_MESSAGES[fault.status] ?? `stand-in fault: HTTP ${fault.status}`;
  if (fault.status !== 429) return new ExchangeError(fault.status, message);
  const seconds = fault.retryAfterSeconds ?? 1;
  return new ExchangeError(
    429,
    message,
    { code: "TOO_MANY_REQUESTS", retry_after_seconds: seconds },
    { "Retry-After": String(seconds) },
  );
}

const matches = (match: RequestMatch | undefined, method: string, path: string): boolean =>
  (!match?.method || match.method.toUpperCase() === method) &&
  (!match?.path || (typeof match.path === "string" ? match.path === path : match.path.test(path)));

/** The active request faults, consumed in injection order. */
export class FaultBoard {
  private active: { fault: RequestFault; left: number }[] = [];

  add(fault: RequestFault): void {
    this.active.push({ fault, left: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.active = [];
  }

  /** The first fault matching this request, counting it as used. */
  take(method: string, path: string): RequestFault | undefined {
    const entry = this.active.find(
      (candidate) => candidate.left > 0 && matches(candidate.fault.match, method, path),
    );
    if (!entry) return undefined;
    entry.left -= 1;
    return entry.fault;
  }
}
