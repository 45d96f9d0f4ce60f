/**
 * Fixed-window counters per key, in this process's memory: a key over its limit is refused until its window ends.
 * Per process, so only for limits where N processes allowing N times as much is acceptable (compile previews);
 * sign-in limits are shared through the database (SharedRateLimiter).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may now. */
  retryAfterSeconds(key: string): number {
    const window = this.windows.get(key);
    if (!window || window.endsAt <= this.now()) return 0;
    return window.count >= this.limit ? Math.ceil((window.endsAt - this.now()) / 1000) : 0;
  }

  hit(key: string): void {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      if (this.windows.size > 100_000) this.prune(now);
      this.windows.set(key, { count: 1, endsAt: now + this.windowMs });
    } else {
      window.count += 1;
    }
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
