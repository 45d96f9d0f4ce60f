/**
 * Outside effects this package needs, behind interfaces it owns, so logic never reads the wall clock or
 * Math.random directly and tests can drive time and jitter.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  nowMs(): number;
  sleep(ms: number): Promise<void>;
}

export interface Random {
  /** A number in [0, 1); used only for retry jitter, never for money. */
  next(): number;
}
