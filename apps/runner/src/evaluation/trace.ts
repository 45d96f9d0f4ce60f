import type { EvaluationTrace, TracedDecision, TracedMarket, TracedOrder } from "@open-trade/db/trace";
import type { DecisionSnapshot, ModelDecision, OutcomeSide } from "@open-trade/llm";
import type { PreparedOrder } from "@open-trade/polymarket";
import {
  averageEntryPrice,
  type BookLevel,
  type CheckReport,
  formatPrice,
  formatShares,
  formatUsd,
  notional,
  type Position,
  type Price,
  type Side,
  type Usd,
} from "@open-trade/risk-engine";
import type { FillToRecord } from "../store/ledger-writes.ts";
import type { MarketView } from "./gather-candidates.ts";

/** Depth counts the shares resting within this much (5 cents) of the best price. */
const DEPTH_BAND = 50_000n;

function bookSide(levels: readonly BookLevel[]): TracedMarket["bid"] {
  // Levels run from worst to best: the best price is the last.
  const best = levels.at(-1)?.price ?? null;
  let depth = 0n;
  let worth = 0n;
  for (const level of levels) {
    if (best === null) break;
    const away = level.price > best ? level.price - best : best - level.price;
    if (away > DEPTH_BAND) continue;
    depth += level.size;
    worth += notional(level.size, level.price, "down");
  }
  return {
    best: best === null ? null : formatPrice(best),
    depthShares: formatShares(depth as never),
    depthUsd: formatUsd(worth as Usd),
  };
}

/** The market and outcome a decision concerned, as the book stood when the bot decided. */
function traceMarket(view: MarketView, side: OutcomeSide, simulated: boolean): TracedMarket | undefined {
  const tokenId = view.tokenFor(side);
  const book = tokenId ? view.books.get(tokenId) : undefined;
  if (!tokenId || !book) return undefined;
  const bid = book.bids.at(-1)?.price;
  const ask = book.asks.at(-1)?.price;
  return {
    marketId: view.market.conditionId,
    question: view.market.question.slice(0, 500),
    outcome: side,
    tokenId,
    bid: bookSide(book.bids),
    ask: bookSide(book.asks),
    spread: bid !== undefined && ask !== undefined ? formatPrice((ask - bid) as Price) : null,
    tickSize: formatPrice(view.market.tickSize ?? book.tickSize),
    simulated,
  };
}

/** The room under the bot's limits the decision was given. */
function traceRoom(room: DecisionSnapshot["room"]) {
  return {
    perTradeUsd: formatUsd(room.perTradeUsd),
    budgetLeftUsd: formatUsd(room.budgetLeftUsd),
    tradesLeftToday: room.tradesLeftToday,
    newMarketsLeft: room.newMarketsLeft,
  };
}

function tracePosition(position: Position | undefined) {
  const average = position ? averageEntryPrice(position) : null;
  return {
    shares: formatShares(position?.shares ?? (0n as never)),
    averageEntryPrice: average === null ? null : formatPrice(average),
  };
}

/** The model's 0-100 confidence as the 0-1 decimal the trace stores (exact: two decimals of an integer). */
const confidenceOf = (percent: number): string =>
  `${Math.floor(percent / 100)}.${String(percent % 100).padStart(2, "0")}`;

function traceDecision(decision: ModelDecision, asked: { shares: bigint } | null): TracedDecision {
  const byRules = decision.decidedBy === "local/rules";
  if (decision.action === "hold")
    return {
      action: "HOLD",
      outcome: null,
      shares: null,
      sizeUsd: null,
      limitPrice: null,
      confidence: byRules ? null : confidenceOf(decision.confidence),
      decidedBy: decision.decidedBy,
    };
  const { amount } = decision;
  return {
    action: decision.action === "buy" ? "BUY" : "SELL",
    outcome: decision.outcome,
    shares: asked ? formatShares(asked.shares as never) : null,
    sizeUsd: amount.unit === "usd" ? formatUsd(amount.usd) : null,
    limitPrice: formatPrice(decision.worstPrice),
    confidence: byRules ? null : confidenceOf(decision.confidence),
    decidedBy: decision.decidedBy,
  };
}

/**
 * Slippage of the average fill against the best price when the bot decided, in basis points with two
 * decimals, positive when worse (a buy above the best ask, a sell below the best bid).
 */
export function slippageBps(side: Side, average: Price, best: Price | null): string | null {
  if (best === null || best === 0n) return null;
  const worse = side === "BUY" ? average - best : best - average;
  // Hundredths of a basis point, truncated toward zero.
  const hundredths = (worse * 1_000_000n) / best;
  const sign = hundredths < 0n ? "-" : "";
  const abs = hundredths < 0n ? -hundredths : hundredths;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** The order as sent and what filled of it (one fill: the exchange's and the paper walk's are per order). */
function traceOrder({ order, reduced, fill, best }: SentOrder): TracedOrder {
  return {
    side: order.side,
    shares: order.shares,
    limitPrice: order.limitPrice,
    orderType: order.type,
    reduced,
    fills: fill
      ? [{ price: formatPrice(fill.price), shares: formatShares(fill.shares), feeUsd: formatUsd(fill.fee) }]
      : [],
    averagePrice: fill ? formatPrice(fill.price) : null,
    slippageBps: fill ? slippageBps(fill.side, fill.price, best) : null,
    feesUsd: formatUsd(fill?.fee ?? (0n as Usd)),
  };
}

/** An order as the evaluation sent it, with the best price on its side when the bot decided. */
export interface SentOrder {
  readonly order: PreparedOrder;
  readonly reduced: boolean;
  readonly fill: FillToRecord | null;
  readonly best: Price | null;
}

/** What the evaluation saw and did, gathered as it goes; each part is there once the evaluation reached it. */
export interface Seen {
  room?: DecisionSnapshot["room"];
  view?: MarketView;
  decision?: ModelDecision;
  /** Shares the decision asked for, once sized against the book (null when it could not be). */
  askedShares?: bigint | null;
  /** The bot's holding of the decided outcome before the decision (null: none). */
  positionBefore?: Position | null;
  /** The risk engine's report per check on the verdict that decided (the order as asked, or as prepared). */
  checks?: readonly CheckReport[];
  order?: SentOrder;
}

/**
 * The decision trace stored with the evaluation (`evaluationTraceSchema`, version 1): built once, when the
 * outcome is recorded, from what the evaluation saw; `positionAfter` is the position the fill was booked into.
 */
export function buildTrace(seen: Seen, simulated: boolean, positionAfter?: Position): EvaluationTrace {
  const { decision, view } = seen;
  const market =
    view && decision && decision.action !== "hold"
      ? traceMarket(view, decision.outcome, simulated)
      : undefined;
  return {
    version: 1,
    ...(market ? { market } : {}),
    ...(seen.room ? { room: traceRoom(seen.room) } : {}),
    ...(seen.positionBefore !== undefined
      ? { positionBefore: tracePosition(seen.positionBefore ?? undefined) }
      : {}),
    ...(decision
      ? { decision: traceDecision(decision, seen.askedShares == null ? null : { shares: seen.askedShares }) }
      : {}),
    ...(seen.checks
      ? {
          checks: seen.checks.map(({ name, verdict, code, limit, value }) => ({
            name,
            verdict,
            code,
            limit,
            value,
          })),
        }
      : {}),
    ...(seen.order ? { order: traceOrder(seen.order) } : {}),
    ...(positionAfter ? { positionAfter: tracePosition(positionAfter) } : {}),
  };
}
