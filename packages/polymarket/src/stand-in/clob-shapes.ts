import { createHash } from "node:crypto";
import { formatMicros, MICROS } from "@open-trade/risk-engine";
import type { ExchangeState } from "./exchange-state.ts";
import { bestPrice, wireLevels } from "./order-book.ts";
import type { Market, Order, Trade } from "./types.ts";
import { wireNumber } from "./wire-json.ts";

/** A fee rate in bps as the decimal fraction the wire uses: 700 -> "0.07". */
export const feeRateDecimal = (bps: number): string => formatMicros(BigInt(bps) * 100n);

/** The price a market's token shows in listings: its midpoint, or 1/0 once resolved. */
export function tokenPrice(state: ExchangeState, market: Market, tokenId: string): bigint {
  if (market.winnerTokenId !== null) return market.winnerTokenId === tokenId ? MICROS : 0n;
  return state.midpoint(tokenId) ?? 0n;
}

/** `OrderBookSummary`, bids ascending and asks descending; `hash` is SHA-1 of the summary, as the client computes it. */
export function bookSummary(state: ExchangeState, tokenId: string, nowMs: number) {
  const token = state.tokens.get(tokenId);
  const book = state.book(tokenId);
  const summary = {
    market: token?.market.conditionId ?? "",
    asset_id: tokenId,
    timestamp: String(nowMs),
    hash: "",
    bids: wireLevels(book.bids),
    asks: wireLevels(book.asks),
    min_order_size: formatMicros(token?.market.minOrderSize ?? 0n),
    tick_size: formatMicros(token?.market.tickSize ?? 0n),
    neg_risk: token?.market.negRisk ?? false,
    last_trade_price: book.lastTrade ? formatMicros(book.lastTrade.price) : "",
  };
  summary.hash = createHash("sha1").update(JSON.stringify(summary)).digest("hex");
  return summary;
}

export function clobMarket(state: ExchangeState, market: Market) {
  return {
    condition_id: market.conditionId,
    question_id: market.questionId,
    question: market.question,
    description: market.description,
    market_slug: market.slug,
    end_date_iso: market.endDateIso,
    game_start_time: null,
    active: !market.closed,
    closed: market.closed,
    archived: false,
    accepting_orders: !market.closed,
    accepting_order_timestamp: "2026-01-01T00:00:00Z",
    enable_order_book: true,
    minimum_order_size: wireNumber(formatMicros(market.minOrderSize)),
    minimum_tick_size: wireNumber(formatMicros(market.tickSize)),
    neg_risk: market.negRisk,
    neg_risk_market_id: market.negRisk ? market.questionId : "",
    neg_risk_request_id: "",
    maker_base_fee: 0,
    taker_base_fee: market.feeRateBps,
    seconds_delay: 0,
    notifications_enabled: true,
    is_50_50_outcome: false,
    icon: "",
    image: "",
    fpmm: "",
    tags: [market.category],
    rewards: { rates: null, min_size: 0, max_spread: 0 },
    tokens: market.tokens.map((token) => ({
      token_id: token.tokenId,
      outcome: token.outcome,
      price: wireNumber(formatMicros(tokenPrice(state, market, token.tokenId))),
      winner: market.winnerTokenId === token.tokenId,
    })),
  };
}

/** `SimplifiedMarket` (reference V1 §3.2): the listing subset of a market. */
export function simplifiedMarket(state: ExchangeState, market: Market) {
  const { condition_id, rewards, tokens, active, closed, archived, accepting_orders } = clobMarket(
    state,
    market,
  );
  return {
    condition_id,
    rewards,
    tokens: tokens.map(({ token_id, outcome, price }) => ({ token_id, outcome, price })),
    active,
    closed,
    archived,
    accepting_orders,
  };
}

/** The compact `MarketDetails` the V2 client caches tick, neg-risk and fee info from (reference V2 §2.1). */
export function clobMarketInfo(market: Market) {
  return {
    c: market.conditionId,
    t: market.tokens.map((token) => ({ t: token.tokenId, o: token.outcome })),
    mts: wireNumber(formatMicros(market.tickSize)),
    nr: market.negRisk,
    fd: { r: wireNumber(feeRateDecimal(market.feeRateBps)), e: market.feeExponent, to: true },
    mos: wireNumber(formatMicros(market.minOrderSize)),
    mbf: 0,
    tbf: 0,
    r: null,
    ao: !market.closed,
    rfqe: false,
  };
}

export function openOrder(order: Order) {
  return {
    id: order.id,
    status: order.status,
    owner: order.owner,
    maker_address: order.makerAddress,
    market: order.market,
    asset_id: order.tokenId,
    side: order.side,
    original_size: formatMicros(order.originalSize),
    size_matched: formatMicros(order.sizeMatched),
    price: formatMicros(order.price),
    associate_trades: [...order.associateTrades],
    outcome: order.outcome,
    created_at: order.createdAt,
    expiration: order.expiration.toString(),
    order_type: order.orderType,
  };
}

/** A trade as `/data/trades` shows it to one account, which may be its taker or one of its makers. */
export function tradeFor(trade: Trade, viewer: string) {
  const asTaker = trade.takerAddress === viewer;
  const makerSide = trade.side === "BUY" ? "SELL" : "BUY";
  return {
    id: trade.id,
    taker_order_id: trade.takerOrderId,
    market: trade.market,
    asset_id: trade.assetId,
    side: asTaker ? trade.side : makerSide,
    size: formatMicros(trade.size),
    fee_rate_bps: String(trade.feeRateBps),
    price: formatMicros(trade.price),
    status: "MINED",
    match_time: String(trade.matchTime),
    last_update: String(trade.matchTime),
    outcome: trade.outcome,
    bucket_index: 0,
    owner: trade.owner,
    maker_address: asTaker ? trade.takerAddress : viewer,
    transaction_hash: trade.transactionHash,
    trader_side: asTaker ? "TAKER" : "MAKER",
    maker_orders: trade.makers.map((maker) => ({
      order_id: maker.orderId ?? "",
      owner: maker.makerOrder?.owner ?? "",
      maker_address: maker.makerOrder?.makerAddress ?? "",
      matched_amount: formatMicros(maker.shares),
      price: formatMicros(maker.price),
      fee_rate_bps: "0",
      asset_id: trade.assetId,
      outcome: trade.outcome,
      side: makerSide,
    })),
  };
}

export function bestPrices(state: ExchangeState, tokenId: string) {
  const book = state.book(tokenId);
  return { bid: bestPrice(book.bids), ask: bestPrice(book.asks) };
}
