import { divCeil, divFloor, MICROS } from "@open-trade/risk-engine";
import { minBig } from "./bigint-min.ts";
import type { Level, MakerFill, Side } from "./types.ts";

/** What an incoming (taker) order asks of the book. */
export interface TakerIntent {
  readonly side: Side;
  /** Worst acceptable price as the exact ratio usd/shares (the signed amounts), so no rounding creeps in. */
  readonly limit: { readonly usd: bigint; readonly shares: bigint };
  /** Market BUYs spend a USD budget; every other order is sized in shares. */
  readonly size: { readonly kind: "shares" | "usd"; readonly amount: bigint };
  /** The exchange blocks self-trading, so the taker's own resting entries are skipped. */
  readonly owner: string;
}

export interface MatchPlan {
  readonly fills: readonly MakerFill[];
  readonly shares: bigint;
  /** Notional in micro-USD: what a BUY pays (rounded up) or a SELL receives (rounded down), before fees. */
  readonly notional: bigint;
  /** True when the order's whole size (or budget, to the last buyable micro-share) was matched. */
  readonly complete: boolean;
}

const acceptable = (intent: TakerIntent, price: bigint): boolean =>
  intent.side === "BUY"
    ? price * intent.limit.shares <= intent.limit.usd * MICROS
    : price * intent.limit.shares >= intent.limit.usd * MICROS;

/**
 * Walks the opposite side of a book (wire order, best last) and plans the fills without touching it.
 * Price improvement goes to the taker: each fill happens at the resting level's price.
 */
export function planMatch(opposite: readonly Level[], intent: TakerIntent): MatchPlan {
  const byBudget = intent.size.kind === "usd";
  const fills: MakerFill[] = [];
  let shares = 0n;
  // Sum of shares * price in 10^-12 USD, rounded once at the end like the risk engine's book walk.
  let exact = 0n;
  let left = byBudget ? intent.size.amount * MICROS : intent.size.amount;
  for (let i = opposite.length - 1; i >= 0 && left > 0n; i -= 1) {
    const level = opposite[i] as Level;
    if (!acceptable(intent, level.price)) break;
    for (const entry of level.entries) {
      if (left === 0n) break;
      if (entry.owner !== null && entry.owner === intent.owner) continue;
      const take = minBig(byBudget ? left / level.price : left, entry.size);
      if (take === 0n) {
        left = 0n; // the budget cannot buy one more micro-share here
        break;
      }
      fills.push({ orderId: entry.orderId, owner: entry.owner, shares: take, price: level.price });
      shares += take;
      exact += take * level.price;
      left -= byBudget ? take * level.price : take;
      if (byBudget && take < entry.size) left = 0n;
    }
  }
  const notional = intent.side === "BUY" ? divCeil(exact, MICROS) : divFloor(exact, MICROS);
  return { fills, shares, notional, complete: left === 0n };
}

/** Removes planned fills from the book they were planned on. */
export function applyFills(opposite: Level[], fills: readonly MakerFill[]): void {
  for (const fill of fills) {
    const at = opposite.findIndex((level) => level.price === fill.price);
    const level = opposite[at];
    if (!level) continue;
    const entry = level.entries.find(
      (candidate) => candidate.orderId === fill.orderId && candidate.owner === fill.owner,
    );
    if (!entry) continue;
    entry.size -= fill.shares;
    level.entries = level.entries.filter((candidate) => candidate.size > 0n);
    if (level.entries.length === 0) opposite.splice(at, 1);
  }
}
