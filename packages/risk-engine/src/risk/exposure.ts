import { notional } from "../money/notional.ts";
import type { Shares, Usd } from "../money/units.ts";
import type { BotBudget, OrderIntent, RiskSnapshot } from "./types.ts";

/** Exposure = cost basis of open positions + notional of open BUY orders at their limit price. */
export interface Exposure {
  /** This bot, in the intent's market and every market correlated with it. */
  readonly market: Usd;
  readonly bot: Usd;
  /** Every bot whose risk_budget_type is shared. */
  readonly shared: Usd;
  /** Every bot of the user. */
  readonly global: Usd;
  /** Distinct markets where this bot holds shares or has an open order. */
  readonly openMarkets: number;
  /** This bot already holds shares or an open order in the intent's market. */
  readonly inMarket: boolean;
  /** Shares this bot holds in the intent's market. */
  readonly held: Shares;
}

/**
 * The shared pool's size: the sum of `risk_budget_usd` over the user's bots whose `risk_budget_type` is
 * `shared`. Each shared bot brings its budget into the pool and may use all of it; a shared bot with a NULL
 * budget brings nothing. Null (no pool limit, only the global budget) when no shared bot has a budget.
 */
export function sharedPoolSize(bots: readonly BotBudget[]): Usd | null {
  let pool: bigint | null = null;
  for (const bot of bots) {
    if (bot.riskBudgetType === "shared" && bot.riskBudgetUsd !== null)
      pool = (pool ?? 0n) + bot.riskBudgetUsd;
  }
  return pool as Usd | null;
}

/** Markets whose exposure counts together with `marketId` for this bot (one hop of correlated_markets). */
function correlatedGroup(snapshot: RiskSnapshot, intent: OrderIntent): ReadonlySet<string> {
  const group = new Set([intent.marketId]);
  for (const p of snapshot.positions) {
    if (p.botId !== intent.botId) continue;
    if (p.marketId === intent.marketId) for (const m of p.correlatedMarkets) group.add(m);
    else if (p.correlatedMarkets.includes(intent.marketId)) group.add(p.marketId);
  }
  return group;
}

/** One pass over positions and open orders; computed once per evaluation for speed. */
export function computeExposure(snapshot: RiskSnapshot, intent: OrderIntent, selfShared: boolean): Exposure {
  const group = correlatedGroup(snapshot, intent);
  const sharedBots = snapshot.bots.filter((b) => b.riskBudgetType === "shared").map((b) => b.botId);
  // The limits are authoritative for this bot even if the bot list is stale.
  if (selfShared) sharedBots.push(intent.botId);
  const markets = new Set<string>();
  let market = 0n;
  let bot = 0n;
  let shared = 0n;
  let global = 0n;
  let held = 0n;
  const add = (botId: string, marketId: string, amount: bigint, active: boolean): void => {
    global += amount;
    if (sharedBots.includes(botId)) shared += amount;
    if (botId !== intent.botId) return;
    bot += amount;
    if (group.has(marketId)) market += amount;
    if (active) markets.add(marketId);
  };
  for (const p of snapshot.positions) {
    add(p.botId, p.marketId, p.costBasis, p.shares > 0n);
    if (p.botId === intent.botId && p.marketId === intent.marketId) held += p.shares;
  }
  for (const o of snapshot.openOrders) {
    add(o.botId, o.marketId, o.side === "BUY" ? notional(o.shares, o.price, "up") : 0n, o.shares > 0n);
  }
  return {
    market: market as Usd,
    bot: bot as Usd,
    shared: shared as Usd,
    global: global as Usd,
    openMarkets: markets.size,
    inMarket: markets.has(intent.marketId),
    held: held as Shares,
  };
}
