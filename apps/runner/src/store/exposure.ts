import type { Transaction } from "@open-trade/db";
import { selectRows } from "@open-trade/db/queries";
import {
  type BotBudget,
  type HeldPosition,
  price,
  type RestingOrder,
  type RiskSnapshot,
  shares,
  usd,
} from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import { lockUser } from "./locks.ts";

/** The user-wide part of a risk snapshot, read under the user's lock. */
export interface Exposure {
  /** The bot's status as stored now (a kill switch thrown mid-evaluation shows here); null when it is gone. */
  readonly status: string | null;
  readonly bots: readonly BotBudget[];
  readonly positions: readonly HeldPosition[];
  readonly openOrders: readonly RestingOrder[];
  readonly lock: RiskSnapshot["lock"];
}

/**
 * Takes the user's lock and reads every bot budget, position and in-flight order of the user in this mode and
 * the market's coordination lock. Pipelined in this order on the transaction's connection: the server takes
 * the lock before it runs the reads, so they see every reservation committed before ours, in one round trip.
 * Positions and orders are keyed by token id, as the risk engine's market ids are.
 */
export async function readExposure(
  tx: Transaction,
  q: { userId: string; botId: string; mode: "paper" | "live"; conditionId: string; tokenId: string },
): Promise<Exposure> {
  const [, bots, held, inFlight, [lock]] = await Promise.all([
    lockUser(tx, q.userId),
    selectRows<{ id: string; status: string; type: "individual" | "shared"; budget: string | null }>(
      tx,
      sql`select id, status::text as status, risk_budget_type::text as type, risk_budget_usd::text as budget
            from public.bots where user_id = ${q.userId}`,
    ),
    selectRows<{ bot_id: string; token_id: string; shares: string; basis: string; correlated: string[] }>(
      tx,
      sql`select bot_id, token_id, total_shares::text as shares, cost_basis_usd::text as basis,
                 to_jsonb(correlated_markets) as correlated
            from public.positions where user_id = ${q.userId} and type = ${q.mode}::public.trade_type
             and bot_id is not null and token_id is not null and total_shares > 0`,
    ),
    selectRows<{ bot_id: string; token_id: string; action: string; size: string; limit_price: string }>(
      tx,
      sql`select bot_id, token_id, action::text as action, size::text as size, limit_price::text as limit_price
            from public.order_intents where user_id = ${q.userId} and mode = ${q.mode}::public.trade_type
             and status in ('prepared', 'submitted', 'ambiguous')`,
    ),
    selectRows<{ bot: string; expires_ms: number }>(
      tx,
      sql`select locked_by_bot_id as bot, (extract(epoch from expires_at) * 1000)::float8 as expires_ms
            from public.bot_coordination_locks where user_id = ${q.userId} and market_id = ${q.conditionId}`,
    ),
  ]);
  return {
    status: bots.find((b) => b.id === q.botId)?.status ?? null,
    bots: bots.map((b) => ({
      botId: b.id,
      riskBudgetType: b.type,
      riskBudgetUsd: b.budget === null ? null : usd(b.budget),
    })),
    positions: held.map((p) => ({
      botId: p.bot_id,
      marketId: p.token_id,
      shares: shares(p.shares),
      costBasis: usd(p.basis),
      correlatedMarkets: p.correlated,
    })),
    openOrders: inFlight.map((o) => ({
      botId: o.bot_id,
      marketId: o.token_id,
      side: o.action === "buy" ? "BUY" : "SELL",
      shares: shares(o.size),
      price: price(o.limit_price),
    })),
    lock: lock ? { marketId: q.tokenId, lockedByBotId: lock.bot, expiresAt: lock.expires_ms } : null,
  };
}
