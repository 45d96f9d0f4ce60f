import type { FailureType } from "@open-trade/llm";
import type { Execution, ExecutionFailureCode, PreparedOrder, Result } from "@open-trade/polymarket";
import { type Approval, averageFillPrice, type Usd } from "@open-trade/risk-engine";
import type { IntentEnd } from "../store/intents.ts";
import type { FillToRecord } from "../store/ledger-writes.ts";
import type { RiskRequest, Trade } from "./check-risk.ts";

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

export const failureTypeOf = (code: string): FailureType =>
  FAILURE_TYPES[code as ExecutionFailureCode] ?? "other";

/**
 * Step 9's first half: the approved order prepared (live: signed with the user's key, decrypted in memory for
 * this call only, so no transaction is held open across it). Its identity is derived from the evaluation, so
 * the write-ahead row fixes it, never chance.
 */
export function prepareOrder(
  execution: Execution,
  request: RiskRequest,
  approval: Approval,
  evaluationId: string,
  nowMs: number,
): Promise<Result<PreparedOrder>> {
  return execution.prepareOrder(
    {
      tokenId: request.tokenId,
      side: request.intent.side,
      shares: approval.shares,
      limitPrice: approval.limitPrice,
      type: "FOK",
    },
    { salt: BigInt(`0x${evaluationId.replaceAll("-", "").slice(0, 12)}`), timestampMs: nowMs },
  );
}

export type Executed =
  | { readonly kind: "filled"; readonly fill: FillToRecord }
  | {
      readonly kind: "failed";
      readonly reason: string;
      readonly failureType: FailureType;
      /** How the write-ahead intent settles; `ambiguous` leaves it to reconciliation. */
      readonly settle: IntentEnd;
      readonly code: string;
    };

/**
 * Step 9's second half: the FOK order with its limit price (paper: a walk of the current book, fees included).
 * A live 5xx may come after the exchange placed the order: only the exchange can say, so it is reconciled.
 */
export async function submitOrder(
  execution: Execution,
  order: PreparedOrder,
  q: { request: RiskRequest; decision: Trade; evaluationId: string },
): Promise<Executed> {
  const { state } = q.request;
  const sent = await execution.submitOrder(order);
  if (!sent.ok) {
    const code = sent.failure.code;
    const unknown =
      code === "AMBIGUOUS" ||
      code === "DUPLICATE" ||
      (state.mode === "live" && code === "EXCHANGE_UNAVAILABLE");
    return {
      kind: "failed",
      reason: sent.failure.message,
      failureType: FAILURE_TYPES[code],
      settle: unknown ? "ambiguous" : "rejected",
      code,
    };
  }
  if (sent.filled === 0n) {
    const reason = "The order was accepted but nothing filled.";
    return { kind: "failed", reason, failureType: "liquidity_kill", settle: "rejected", code: "UNFILLED" };
  }
  const side = q.request.intent.side;
  const fee = (sent.fee ?? 0n) as Usd;
  const cost = (side === "BUY" ? sent.usd - fee : sent.usd + fee) as Usd;
  return {
    kind: "filled",
    fill: {
      botId: state.id,
      userId: state.userId,
      mode: state.mode,
      marketId: q.request.conditionId,
      tokenId: q.request.tokenId,
      orderId: order.orderId,
      evaluationId: q.evaluationId,
      side,
      shares: sent.filled,
      price: sent.price ?? averageFillPrice(side, cost, sent.filled),
      fee,
      reasoning: q.decision.reasoning,
      recipe: state.recipeJson,
    },
  };
}
