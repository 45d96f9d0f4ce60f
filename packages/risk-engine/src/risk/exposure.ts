import { isDust } from "../accounting/dust.ts";
import { notional } from "../money/notional.ts";
import type { Shares, Usd } from "../money/units.ts";
import type { BotBudget, OrderIntent, RiskSnapshot } from "./types.ts";

/**
 * Exposure = cost basis of open positions + notional of open BUY orders at their limit price. A position of
 * dust (`isDust`, under one 0.01-share lot) is closed: it adds neither cost basis nor an open market.
 */
export interface Exposure {
  /** This bot, in the intent's market and every market correlated with it. */
  readonly market: Usd;
  readonly bot: Usd;
  /** Every bot whose risk_budget_type is shared. */
  readonly shared: Usd;
  /** Every bot of the user. */
  readonly global: Usd;
  /** Distinct markets where this bot holds more than dust or has an open order. */
  readonly openMarkets: number;
  /** This bot already holds more than dust or has an open order in the intent's market. */
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
function correlatedGroup(snapshot: RiskSnapshot, intent: OrderIntent): string[] {
  const group = [intent.marketId];
  for (const p of snapshot.positions) {
    if (p.botId !== intent.botId || p.correlatedMarkets.length === 0) continue;
    if (p.marketId === intent.marketId) {
      for (const m of p.correlatedMarkets) if (!group.includes(m)) group.push(m);
    } else if (p.correlatedMarkets.includes(intent.marketId) && !group.includes(p.marketId)) {
      group.push(p.marketId);
    }
  }
  return group;
}

function isShared(bots: readonly BotBudget[], botId: string): boolean {
  for (const bot of bots) if (bot.botId === botId) return bot.riskBudgetType === "shared";
  return false;
}

/**
 * One pass over positions and open orders, computed once per evaluation (it runs before every order).
 * Each amount lands in exactly one of four buckets (this bot in the correlated group, this bot elsewhere,
 * other shared bots, other bots) and the totals are derived from them: bigint additions allocate.
 */
export function computeExposure(snapshot: RiskSnapshot, intent: OrderIntent, selfShared: boolean): Exposure {
  const group = correlatedGroup(snapshot, intent);
  const { botId, marketId } = intent;
  const ownMarkets: string[] = [];
  let ownGroup = 0n;
  let ownOther = 0n;
  let otherShared = 0n;
  let otherIndividual = 0n;
  let held = 0n;
  const add = (owner: string, market: string, amount: bigint, active: boolean): void => {
    if (owner === botId) {
      if (group.includes(market)) ownGroup += amount;
      else ownOther += amount;
      if (active && !ownMarkets.includes(market)) ownMarkets.push(market);
    } else if (isShared(snapshot.bots, owner)) otherShared += amount;
    else otherIndividual += amount;
  };
  for (const p of snapshot.positions) {
    // Dust (under one lot) is closed: no exposure, no open market; a sell may still name its exact shares.
    if (!isDust(p.shares)) add(p.botId, p.marketId, p.costBasis, true);
    if (p.botId === botId && p.marketId === marketId) held += p.shares;
  }
  for (const o of snapshot.openOrders) {
    add(o.botId, o.marketId, o.side === "BUY" ? notional(o.shares, o.price, "up") : 0n, o.shares > 0n);
  }
  const bot = ownGroup + ownOther;
  return {
    market: ownGroup as Usd,
    bot: bot as Usd,
    shared: ((selfShared ? bot : 0n) + otherShared) as Usd,
    global: (bot + otherShared + otherIndividual) as Usd,
    openMarkets: ownMarkets.length,
    inMarket: ownMarkets.includes(marketId),
    held: held as Shares,
  };
}
