import type { Database, Transaction } from "@open-trade/db";
import { asService } from "@open-trade/db/service";
import type { PreparedOrder, Result } from "@open-trade/polymarket";
import {
  type Approval,
  type BotBudget,
  type Decision,
  type Denial,
  evaluate,
  type HeldPosition,
  isRunnable,
  type OpenOrder,
  type OrderIntent,
  price,
  type RiskLimits,
  type RiskSnapshot,
  shares,
  usd,
} from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import { at, sqlRows } from "../db/sql-rows.ts";

export interface ReserveRequest {
  readonly userId: string;
  readonly mode: "paper" | "live";
  /** Condition id: the coordination lock is per user and market. */
  readonly conditionId: string;
  readonly tokenId: string;
  readonly evaluationId: string;
  /** The evaluation's lease owner: no order is written ahead (so none is sent) once the lease is lost. */
  readonly leaseOwner: string;
  /** The intent, keyed by token id (positions and books are per outcome token). */
  readonly intent: OrderIntent;
  /** The snapshot's bot-local part; exposure, budgets, lock and kill switch are read here, under the lock. */
  readonly snapshot: Omit<RiskSnapshot, "positions" | "openOrders" | "bots" | "lock" | "halted">;
  readonly limits: RiskLimits;
  readonly lockMs: number;
  readonly nowMs: number;
  readonly prepare: (approval: Approval) => Promise<Result<PreparedOrder>>;
}

export type Reservation =
  | { readonly kind: "approved"; readonly approval: Approval; readonly order: PreparedOrder }
  | { readonly kind: "denied"; readonly denials: readonly Denial[]; readonly halted: boolean }
  | { readonly kind: "unprepared"; readonly code: string; readonly message: string }
  | { readonly kind: "lease-lost" };

/**
 * Steps 7 to 9a, serialised per user inside the database (`pg_advisory_xact_lock`): read the kill switch,
 * every position, in-flight order and budget of the user and the market lock, and run the risk engine.
 * The order is then prepared (for live: signed, which decrypts the key, so no transaction is held open
 * across it), and a second serialised transaction evaluates exactly the prepared order again and only
 * then takes the lock and writes the intent ahead. Two of a user's bots evaluated at once in different
 * processes therefore always see each other's reservations, so no budget can be exceeded.
 */
export async function reserveOrder(db: Database, request: ReserveRequest): Promise<Reservation> {
  const first = await asService(db, (tx) => evaluateSerialised(tx, request, request.intent));
  if (!first.decision.approved)
    return { kind: "denied", denials: first.decision.denials, halted: first.halted };
  const prepared = await request.prepare(first.decision);
  if (!prepared.ok)
    return { kind: "unprepared", code: prepared.failure.code, message: prepared.failure.message };
  const order = prepared.value;
  const exact: OrderIntent = {
    ...request.intent,
    shares: shares(order.shares),
    limitPrice: price(order.limitPrice),
    allowReduce: false,
  };
  return asService(db, async (tx) => {
    const { decision, halted } = await evaluateSerialised(tx, request, exact);
    if (!decision.approved) return { kind: "denied", denials: decision.denials, halted };
    const { userId, intent, nowMs } = request;
    // A stalled evaluation whose lease another runner has taken must not trade beside it.
    const [leased] = await sqlRows<{ bot_id: string }>(
      tx,
      sql`select bot_id from public.bot_schedule where bot_id = ${intent.botId} and lease_owner = ${request.leaseOwner}`,
    );
    if (!leased) return { kind: "lease-lost" };
    await tx.execute(sql`insert into public.bot_coordination_locks (user_id, market_id, locked_by_bot_id, locked_at, expires_at)
        values (${userId}, ${request.conditionId}, ${intent.botId}, ${at(nowMs)}::timestamptz, ${at(nowMs + request.lockMs)}::timestamptz)
        on conflict (user_id, market_id) do update set locked_by_bot_id = excluded.locked_by_bot_id,
          locked_at = excluded.locked_at, expires_at = excluded.expires_at`);
    await tx.execute(sql`insert into public.order_intents (order_id, bot_id, user_id, evaluation_id, mode, market_id, token_id,
          action, size, limit_price, prepared_order)
        values (${order.orderId}, ${intent.botId}, ${userId}, ${request.evaluationId}, ${request.mode}::public.trade_type,
          ${request.conditionId}, ${request.tokenId}, ${order.side === "BUY" ? "buy" : "sell"}::public.trade_action,
          ${order.shares}::numeric, ${order.limitPrice}::numeric, ${JSON.stringify(order)}::jsonb)`);
    return { kind: "approved", approval: decision, order };
  });
}

async function evaluateSerialised(
  tx: Transaction,
  request: ReserveRequest,
  intent: OrderIntent,
): Promise<{ decision: Decision; halted: boolean }> {
  const { userId } = request;
  // Pipelined on the transaction's connection in this order: the server takes the per-user lock before it
  // runs the reads, so they see every reservation committed before ours, in one round trip. `sqlRows` sends
  // at once (a bare `tx.execute` would wait for its first `then`, i.e. until after the reads were sent).
  const serialised = sqlRows(tx, sql`select pg_advisory_xact_lock(hashtext(${userId}))`);
  const botsQuery = sqlRows<{
    id: string;
    status: string;
    type: "individual" | "shared";
    budget: string | null;
  }>(
    tx,
    sql`select id, status::text as status, risk_budget_type::text as type, risk_budget_usd::text as budget
          from public.bots where user_id = ${userId}`,
  );
  const heldQuery = sqlRows<{
    bot_id: string;
    token_id: string;
    shares: string;
    basis: string;
    correlated: string[];
  }>(
    tx,
    sql`select bot_id, token_id, total_shares::text as shares, cost_basis_usd::text as basis,
               to_jsonb(correlated_markets) as correlated
          from public.positions where user_id = ${userId} and type = ${request.mode}::public.trade_type
           and bot_id is not null and token_id is not null and total_shares > 0`,
  );
  const inFlightQuery = sqlRows<{
    bot_id: string;
    token_id: string;
    action: string;
    size: string;
    limit_price: string;
  }>(
    tx,
    sql`select bot_id, token_id, action::text as action, size::text as size, limit_price::text as limit_price
          from public.order_intents where user_id = ${userId} and mode = ${request.mode}::public.trade_type
           and status in ('prepared', 'submitted', 'ambiguous')`,
  );
  const lockQuery = sqlRows<{ bot: string; expires_ms: number }>(
    tx,
    sql`select locked_by_bot_id as bot, (extract(epoch from expires_at) * 1000)::float8 as expires_ms
          from public.bot_coordination_locks where user_id = ${userId} and market_id = ${request.conditionId}`,
  );
  const [, bots, held, inFlight, [lock]] = await Promise.all([
    serialised,
    botsQuery,
    heldQuery,
    inFlightQuery,
    lockQuery,
  ]);
  const self = bots.find((b) => b.id === intent.botId);
  const halted = !self || !isRunnable(self.status);
  const snapshot: RiskSnapshot = {
    ...request.snapshot,
    halted,
    bots: bots.map(
      (b): BotBudget => ({
        botId: b.id,
        riskBudgetType: b.type,
        riskBudgetUsd: b.budget === null ? null : usd(b.budget),
      }),
    ),
    positions: held.map(
      (p): HeldPosition => ({
        botId: p.bot_id,
        marketId: p.token_id,
        shares: shares(p.shares),
        costBasis: usd(p.basis),
        correlatedMarkets: p.correlated,
      }),
    ),
    openOrders: inFlight.map(
      (o): OpenOrder => ({
        botId: o.bot_id,
        marketId: o.token_id,
        side: o.action === "buy" ? "BUY" : "SELL",
        shares: shares(o.size),
        price: price(o.limit_price),
      }),
    ),
    lock: lock ? { marketId: request.tokenId, lockedByBotId: lock.bot, expiresAt: lock.expires_ms } : null,
  };
  return { decision: evaluate(intent, snapshot, request.limits), halted };
}
