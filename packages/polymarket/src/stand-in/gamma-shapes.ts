import { formatMicros, MICROS } from "@open-trade/risk-engine";
import { feeRateDecimal, tokenPrice } from "./clob-shapes.ts";
import type { ExchangeState } from "./exchange-state.ts";
import { bestPrice, levelSize } from "./order-book.ts";
import type { Market } from "./types.ts";
import { wireNumber } from "./wire-json.ts";

const num = (micros: bigint): string => wireNumber(formatMicros(micros));

function liquidity(state: ExchangeState, market: Market): bigint {
  let total = 0n;
  for (const token of market.tokens) {
    const book = state.book(token.tokenId);
    for (const level of [...book.bids, ...book.asks]) total += (levelSize(level) * level.price) / MICROS;
  }
  return total;
}

function volume(state: ExchangeState, market: Market): bigint {
  let total = 0n;
  for (const trade of state.trades)
    if (trade.market === market.conditionId) total += (trade.size * trade.price) / MICROS;
  return total;
}

/**
 * A Gamma market row. `outcomes`, `outcomePrices` and `clobTokenIds` are JSON text inside a string, exactly
 * as Gamma sends them (reference V1 §8); liquidity/volume are strings with numeric `…Num` twins.
 */
export function gammaMarket(state: ExchangeState, market: Market, withEvent = true): Record<string, unknown> {
  const yes = market.tokens[0].tokenId;
  const book = state.book(yes);
  const bid = bestPrice(book.bids);
  const ask = bestPrice(book.asks);
  const liquidityMicros = liquidity(state, market);
  const volumeMicros = volume(state, market);
  const row: Record<string, unknown> = {
    id: market.gammaId,
    question: market.question,
    conditionId: market.conditionId,
    slug: market.slug,
    description: market.description,
    category: market.category,
    endDate: market.endDateIso,
    endDateIso: market.endDateIso.slice(0, 10),
    startDate: "2026-01-01T00:00:00Z",
    outcomes: JSON.stringify(market.tokens.map((token) => token.outcome)),
    outcomePrices: JSON.stringify(
      market.tokens.map((token) => formatMicros(tokenPrice(state, market, token.tokenId))),
    ),
    clobTokenIds: JSON.stringify(market.tokens.map((token) => token.tokenId)),
    liquidity: formatMicros(liquidityMicros),
    liquidityNum: num(liquidityMicros),
    liquidityClob: num(liquidityMicros),
    volume: formatMicros(volumeMicros),
    volumeNum: num(volumeMicros),
    volumeClob: num(volumeMicros),
    volume24hr: num(volumeMicros),
    active: !market.closed,
    closed: market.closed,
    archived: false,
    restricted: false,
    enableOrderBook: true,
    acceptingOrders: !market.closed,
    negRisk: market.negRisk,
    orderPriceMinTickSize: num(market.tickSize),
    orderMinSize: num(market.minOrderSize),
    spread: num(bid !== null && ask !== null ? ask - bid : 0n),
    bestBid: num(bid ?? 0n),
    bestAsk: num(ask ?? 0n),
    lastTradePrice: num(book.lastTrade?.price ?? 0n),
    questionID: market.questionId,
    feesEnabled: market.feeRateBps > 0,
    feeSchedule: { rate: wireNumber(feeRateDecimal(market.feeRateBps)), exponent: market.feeExponent },
    rfqEnabled: false,
  };
  if (withEvent) row.events = [gammaEvent(state, [market], false)];
  return row;
}

export const tagSlug = (category: string): string => category.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/** A stable numeric tag id per category name, so filters by tag_id work across runs. */
export const tagId = (category: string): string =>
  String(100 + [...tagSlug(category)].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 100_000, 0));

/** A Gamma event: tags and category live here; neg-risk events group several markets. */
export function gammaEvent(
  state: ExchangeState,
  markets: readonly Market[],
  withMarkets = true,
): Record<string, unknown> {
  const first = markets[0] as Market;
  const liquidityMicros = markets.reduce((sum, market) => sum + liquidity(state, market), 0n);
  const volumeMicros = markets.reduce((sum, market) => sum + volume(state, market), 0n);
  const event: Record<string, unknown> = {
    id: first.eventId,
    slug: tagSlug(first.eventTitle),
    title: first.eventTitle,
    description: first.description,
    category: first.category,
    endDate: first.endDateIso,
    active: markets.some((market) => !market.closed),
    closed: markets.every((market) => market.closed),
    archived: false,
    negRisk: first.negRisk,
    enableNegRisk: first.negRisk,
    negRiskMarketID: first.negRisk ? first.questionId : "",
    liquidity: num(liquidityMicros),
    volume: num(volumeMicros),
    openInterest: 0,
    tags: [{ id: tagId(first.category), label: first.category, slug: tagSlug(first.category) }],
  };
  if (withMarkets) event.markets = markets.map((market) => gammaMarket(state, market, false));
  return event;
}
