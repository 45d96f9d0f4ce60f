/** The `bot_coordination_locks` row for one user and market. */
export interface LockRow {
  readonly lockedByBotId: string;
  /** Epoch ms; the lock releases itself at this instant if the holder died. */
  readonly expiresAt: number;
}

export type LockDecision =
  | { readonly kind: "FREE" }
  | { readonly kind: "HELD_BY_THIS_BOT"; readonly expiresAt: number }
  | { readonly kind: "EXPIRED_TAKEABLE"; readonly previousBotId: string }
  | { readonly kind: "HELD_BY_OTHER"; readonly holderBotId: string; readonly expiresAt: number };

/**
 * What `botId` may do with the market lock at `now`. FREE and EXPIRED_TAKEABLE mean: take it (the caller
 * does so atomically); HELD_BY_THIS_BOT means: proceed (and extend it); HELD_BY_OTHER means: back off.
 * A lock is expired from its `expiresAt` instant on.
 */
export function decideLock(lock: LockRow | null, botId: string, now: number): LockDecision {
  if (lock === null) return { kind: "FREE" };
  if (lock.expiresAt <= now) return { kind: "EXPIRED_TAKEABLE", previousBotId: lock.lockedByBotId };
  if (lock.lockedByBotId === botId) return { kind: "HELD_BY_THIS_BOT", expiresAt: lock.expiresAt };
  return { kind: "HELD_BY_OTHER", holderBotId: lock.lockedByBotId, expiresAt: lock.expiresAt };
}
