import type { Transaction } from "@open-trade/db";
import type { ModelDecision } from "@open-trade/llm";
import type { MarketParams } from "@open-trade/polymarket";
import {
  type CheckReport,
  explain,
  isRunnable,
  type OrderIntent,
  type RiskDecision,
  type RiskLimits,
  type RiskSnapshot,
  type Shares,
  sharesFor,
} from "@open-trade/risk-engine";
import { readExposure } from "../store/exposure.ts";
import type { BotState } from "./bot-state.ts";
import type { MarketView } from "./gather-candidates.ts";
import { type Outcome, outcome } from "./outcome.ts";
import type { BotRisk } from "./trading-state.ts";

export type Trade = Extract<ModelDecision, { action: "buy" | "sell" }>;

/** What a trade decision asks the risk engine for, on one outcome token of one market. */
export interface RiskRequest {
  readonly state: BotState;
  readonly conditionId: string;
  readonly tokenId: string;
  readonly intent: OrderIntent;
  readonly market: NonNullable<RiskSnapshot["market"]>;
  readonly risk: BotRisk;
  readonly limits: RiskLimits;
}

/**
 * The order a decision asks for: a USD-sized buy asks for what the amount buys at the limit (preparing the
 * order cuts it to whole cents, as the exchange spends on a market buy); a sell never asks for more than is
 * held. A MARKET_UNKNOWN denial when the decided market or outcome has no token or book in the snapshot.
 */
export function riskRequest(q: {
  state: BotState;
  decision: Trade;
  view: MarketView | undefined;
  category: string | undefined;
  held: Shares;
  params: MarketParams | null;
  risk: BotRisk;
  limits: RiskLimits;
}): RiskRequest | Outcome {
  const { decision, view } = q;
  const tokenId = view?.tokenFor(decision.outcome);
  const book = tokenId ? view?.books.get(tokenId) : undefined;
  if (!view || !tokenId || !book || !q.category || !q.params)
    return outcome("denied", "The decided market is no longer listed.", { codes: ["MARKET_UNKNOWN"] });
  const side = decision.action === "buy" ? "BUY" : "SELL";
  const asked =
    decision.amount.unit === "shares"
      ? decision.amount.shares
      : sharesFor(decision.amount.usd, decision.worstPrice);
  const { market } = view;
  return {
    state: q.state,
    conditionId: market.conditionId,
    tokenId,
    intent: {
      botId: q.state.id,
      marketId: tokenId,
      side,
      shares: (side === "SELL" && asked > q.held ? q.held : asked) as Shares,
      limitPrice: decision.worstPrice,
      allowReduce: true,
    },
    market: {
      id: tokenId,
      category: q.category,
      open: market.active && !market.closed && market.acceptingOrders,
      book,
      fee: q.params.fee,
    },
    risk: q.risk,
    limits: q.limits,
  };
}

/**
 * Steps 7 and 8, inside a transaction the orchestrator opens: under the user's lock, every position, in-flight
 * order and budget of the user, the market's coordination lock and the kill switch as stored now, and the
 * risk engine's verdict on `intent` with one report per check, in its fixed order (`explain`). Two of a user's bots evaluated at once
 * in different processes therefore always see each other's reservations, so no budget can be exceeded.
 */
export async function checkRisk(
  tx: Transaction,
  request: RiskRequest,
  intent: OrderIntent = request.intent,
): Promise<{
  readonly verdict: RiskDecision;
  readonly halted: boolean;
  readonly checks: readonly CheckReport[];
}> {
  const { state } = request;
  const exposure = await readExposure(tx, {
    userId: state.userId,
    botId: state.id,
    mode: state.mode,
    conditionId: request.conditionId,
    tokenId: request.tokenId,
  });
  const halted = exposure.status === null || !isRunnable(exposure.status);
  const { decision: verdict, checks } = explain(
    intent,
    {
      ...request.risk,
      market: request.market,
      halted,
      bots: exposure.bots,
      positions: exposure.positions,
      openOrders: exposure.openOrders,
      lock: exposure.lock,
    },
    request.limits,
  );
  return { verdict, halted, checks };
}
