import type { Database } from "@open-trade/db";
import type { Decision, FailureType } from "@open-trade/llm";
import type { Execution, ExecutionFailureCode, MarketData } from "@open-trade/polymarket";
import {
  averageFillPrice,
  type DenialCode,
  type RiskLimits,
  type RiskSnapshot,
  type Shares,
  sharesFor,
  type Usd,
} from "@open-trade/risk-engine";
import type { FillToRecord } from "../ledger/record-fill.ts";
import { settleIntent } from "../live/settle-intent.ts";
import type { BotState } from "./bot-state.ts";
import type { MarketView } from "./gather-candidates.ts";
import { reserveOrder } from "./reserve-order.ts";

type Trade = Extract<Decision, { action: "buy" | "sell" }>;

export type Placement =
  | { readonly kind: "filled"; readonly fill: FillToRecord }
  | { readonly kind: "denied"; readonly codes: readonly DenialCode[]; readonly halted: boolean }
  | { readonly kind: "failed"; readonly reason: string; readonly failureType: FailureType }
  | { readonly kind: "lease-lost" };

const FAILURE_TYPES: Record<ExecutionFailureCode, FailureType> = {
  LIQUIDITY_KILL: "liquidity_kill",
  SLIPPAGE: "slippage",
  RATE_LIMITED: "api_error",
  AUTH: "api_error",
  INSUFFICIENT_BALANCE: "rule_violation",
  EXCHANGE_UNAVAILABLE: "api_error",
  AMBIGUOUS: "api_error",
  DUPLICATE: "api_error",
  INVALID_ORDER: "rule_violation",
};

export interface PlaceOrderInput {
  readonly db: Database;
  readonly marketData: MarketData;
  readonly execution: Execution;
  readonly state: BotState;
  readonly decision: Trade;
  readonly view: MarketView;
  readonly category: string;
  readonly held: Shares;
  readonly snapshot: Omit<RiskSnapshot, "positions" | "openOrders" | "bots" | "lock" | "halted" | "market">;
  readonly limits: RiskLimits;
  readonly evaluationId: string;
  readonly leaseOwner: string;
  readonly lockMs: number;
  readonly nowMs: number;
}

/** Steps 7 to 9: risk under the per-user lock, the write-ahead intent, then the FOK order with its limit price. */
export async function placeOrder(input: PlaceOrderInput): Promise<Placement> {
  const { decision, view, state, execution } = input;
  const tokenId = view.tokenFor(decision.outcome);
  const book = tokenId ? view.books.get(tokenId) : undefined;
  if (!tokenId || !book) return { kind: "denied", codes: ["MARKET_UNKNOWN"], halted: false };
  const params = await input.marketData.getMarketParams(tokenId);
  const side = decision.action === "buy" ? "BUY" : "SELL";
  // A USD-sized buy asks for what the amount buys at the limit; preparing the order cuts it to a size whose
  // cost is whole cents, as the exchange spends on a market buy.
  const asked =
    decision.amount.unit === "shares"
      ? decision.amount.shares
      : sharesFor(decision.amount.usd, decision.worstPrice);
  const size = (side === "SELL" && asked > input.held ? input.held : asked) as Shares;
  const { market } = view;
  const reservation = await reserveOrder(input.db, {
    userId: state.userId,
    mode: state.mode,
    conditionId: market.conditionId,
    tokenId,
    evaluationId: input.evaluationId,
    leaseOwner: input.leaseOwner,
    intent: {
      botId: state.id,
      marketId: tokenId,
      side,
      shares: size,
      limitPrice: decision.worstPrice,
      allowReduce: true,
    },
    snapshot: {
      ...input.snapshot,
      market: {
        id: tokenId,
        category: input.category,
        open: market.active && !market.closed && market.acceptingOrders,
        book,
        fee: params.fee,
      },
    },
    limits: input.limits,
    lockMs: input.lockMs,
    nowMs: input.nowMs,
    prepare: (approval) =>
      execution.prepareOrder(
        { tokenId, side, shares: approval.shares, limitPrice: approval.limitPrice, type: "FOK" },
        // Derived from the evaluation, so the identity is fixed by the write-ahead row, never by chance.
        {
          salt: BigInt(`0x${input.evaluationId.replaceAll("-", "").slice(0, 12)}`),
          timestampMs: input.nowMs,
        },
      ),
  });
  if (reservation.kind === "lease-lost") return reservation;
  if (reservation.kind === "denied") {
    return { kind: "denied", codes: reservation.denials.map((d) => d.code), halted: reservation.halted };
  }
  if (reservation.kind === "unprepared") {
    return {
      kind: "failed",
      reason: reservation.message,
      failureType: FAILURE_TYPES[reservation.code as ExecutionFailureCode] ?? "other",
    };
  }
  const { order } = reservation;
  await settleIntent(input.db, order.orderId, "submitted");
  const outcome = await execution.submitOrder(order);
  if (!outcome.ok) {
    // A live 5xx may come after the exchange placed the order: only the exchange can say, so reconcile it.
    const code = outcome.failure.code;
    const unknown =
      code === "AMBIGUOUS" ||
      code === "DUPLICATE" ||
      (state.mode === "live" && code === "EXCHANGE_UNAVAILABLE");
    await settleIntent(input.db, order.orderId, unknown ? "ambiguous" : "rejected", outcome.failure.code);
    return {
      kind: "failed",
      reason: outcome.failure.message,
      failureType: FAILURE_TYPES[outcome.failure.code],
    };
  }
  if (outcome.filled === 0n) {
    await settleIntent(input.db, order.orderId, "rejected", "UNFILLED");
    return {
      kind: "failed",
      reason: "The order was accepted but nothing filled.",
      failureType: "liquidity_kill",
    };
  }
  const fee = (outcome.fee ?? 0n) as Usd;
  const cost = (side === "BUY" ? outcome.usd - fee : outcome.usd + fee) as Usd;
  return {
    kind: "filled",
    fill: {
      botId: state.id,
      userId: state.userId,
      mode: state.mode,
      marketId: market.conditionId,
      tokenId,
      orderId: order.orderId,
      side,
      shares: outcome.filled,
      price: averageFillPrice(side, cost, outcome.filled),
      fee,
      reasoning: decision.reasoning,
      recipe: state.recipeJson,
    },
  };
}
