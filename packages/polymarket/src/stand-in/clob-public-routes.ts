import { formatMicros } from "@open-trade/risk-engine";
import { bestPrices, bookSummary, clobMarket, clobMarketInfo, simplifiedMarket } from "./clob-shapes.ts";
import type { ExchangeCore } from "./exchange-core.ts";
import { EXCHANGE_MESSAGES, ExchangeError } from "./exchange-error.ts";
import { jsonBody, type RequestContext, type Route } from "./router.ts";
import type { Market } from "./types.ts";
import { wireNumber } from "./wire-json.ts";

const PAGE_SIZE = 1000;
const END_CURSOR = "LTE=";

const fail = (status: number, message: string): never => {
  throw new ExchangeError(status, message);
};

/** Cursor pagination as the CLOB does it: base64 of a decimal offset, "LTE=" after the last page. */
function page<T>(items: readonly T[], cursor: string | null) {
  const offset = cursor ? Number(Buffer.from(cursor, "base64").toString("utf8")) : 0;
  if (!Number.isInteger(offset) || offset < 0)
    fail(400, "invalid next_cursor; start with MA== and pass back the one you received");
  const data = items.slice(offset, offset + PAGE_SIZE);
  const next =
    offset + PAGE_SIZE < items.length
      ? Buffer.from(String(offset + PAGE_SIZE)).toString("base64")
      : END_CURSOR;
  return { limit: PAGE_SIZE, count: data.length, next_cursor: next, data };
}

/** The public (L0) CLOB endpoints the V2 client and market-data readers call. */
export function clobPublicRoutes(core: ExchangeCore, nowMs: () => number): Route[] {
  const { state } = core;
  const token = (tokenId: string | null | undefined, missing: string = EXCHANGE_MESSAGES.noOrderbook) => {
    if (!tokenId) return fail(400, EXCHANGE_MESSAGES.invalidTokenId);
    return state.tokens.get(tokenId) ?? fail(404, missing);
  };
  const tokenParam = (context: RequestContext, missing?: string) =>
    token(context.query.get("token_id"), missing);
  const marketOf = (conditionId: string | undefined): Market =>
    state.markets.get(conditionId ?? "") ?? fail(404, EXCHANGE_MESSAGES.marketNotFound);
  const bodyTokens = (context: RequestContext): string[] => {
    const body = jsonBody(context);
    if (!Array.isArray(body)) return fail(400, EXCHANGE_MESSAGES.invalidPayload);
    return body.map((item: { token_id?: string }) => token(item?.token_id).outcome.tokenId);
  };
  const sidePrice = (tokenId: string, side: string | null | undefined): string => {
    const { bid, ask } = bestPrices(state, tokenId);
    if (side !== "BUY" && side !== "SELL") return fail(400, EXCHANGE_MESSAGES.invalidSide);
    // UNCONFIRMED upstream: BUY answers the best bid, SELL the best ask (reference V1 §3.4).
    const price = side === "BUY" ? bid : ask;
    return price === null ? fail(404, EXCHANGE_MESSAGES.noOrderbook) : formatMicros(price);
  };
  const mid = (tokenId: string): string => {
    const value = state.midpoint(tokenId);
    return value === null ? fail(404, EXCHANGE_MESSAGES.noOrderbook) : formatMicros(value);
  };
  const spread = (tokenId: string): string => {
    const { bid, ask } = bestPrices(state, tokenId);
    return bid === null || ask === null ? fail(404, EXCHANGE_MESSAGES.noOrderbook) : formatMicros(ask - bid);
  };
  const lastTrade = (tokenId: string) => {
    const last = state.book(tokenId).lastTrade ?? fail(404, "no trade exists yet for the requested token id");
    return { price: formatMicros(last.price), side: last.side };
  };
  const markets = () => [...state.markets.values()];

  return [
    { method: "GET", path: "/", handle: () => "OK" },
    { method: "GET", path: "/ok", handle: () => "OK" },
    { method: "GET", path: "/version", handle: () => ({ version: 2 }) },
    { method: "GET", path: "/time", handle: () => Math.floor(nowMs() / 1000) },
    {
      method: "GET",
      path: "/markets",
      handle: (c) =>
        page(
          markets().map((m) => clobMarket(state, m)),
          c.query.get("next_cursor"),
        ),
    },
    {
      method: "GET",
      path: "/simplified-markets",
      handle: (c) =>
        page(
          markets().map((m) => simplifiedMarket(state, m)),
          c.query.get("next_cursor"),
        ),
    },
    // Builder codes earn nothing on the stand-in; the client only needs the two rates to exist.
    {
      method: "GET",
      path: "/fees/builder-fees/:code",
      handle: () => ({ builder_maker_fee_rate_bps: 0, builder_taker_fee_rate_bps: 0 }),
    },
    {
      method: "GET",
      path: "/sampling-markets",
      handle: (c) =>
        page(
          markets()
            .filter((m) => !m.closed)
            .map((m) => clobMarket(state, m)),
          c.query.get("next_cursor"),
        ),
    },
    {
      method: "GET",
      path: "/markets/:conditionId",
      handle: (c) => clobMarket(state, marketOf(c.params.conditionId)),
    },
    {
      method: "GET",
      path: "/markets-by-token/:tokenId",
      handle: (c) => ({
        condition_id: token(c.params.tokenId, EXCHANGE_MESSAGES.marketNotFound).market.conditionId,
      }),
    },
    {
      method: "GET",
      path: "/clob-markets/:conditionId",
      handle: (c) => clobMarketInfo(marketOf(c.params.conditionId)),
    },
    {
      method: "GET",
      path: "/book",
      handle: (c) => bookSummary(state, tokenParam(c).outcome.tokenId, nowMs()),
    },
    {
      method: "POST",
      path: "/books",
      handle: (c) => bodyTokens(c).map((id) => bookSummary(state, id, nowMs())),
    },
    {
      method: "GET",
      path: "/price",
      handle: (c) => ({ price: sidePrice(tokenParam(c).outcome.tokenId, c.query.get("side")) }),
    },
    {
      method: "POST",
      path: "/prices",
      handle: (c) =>
        Object.fromEntries(
          bodyTokens(c).map((id) => [id, { BUY: sidePrice(id, "BUY"), SELL: sidePrice(id, "SELL") }]),
        ),
    },
    { method: "GET", path: "/midpoint", handle: (c) => ({ mid: mid(tokenParam(c).outcome.tokenId) }) },
    {
      method: "POST",
      path: "/midpoints",
      handle: (c) => Object.fromEntries(bodyTokens(c).map((id) => [id, mid(id)])),
    },
    { method: "GET", path: "/spread", handle: (c) => ({ spread: spread(tokenParam(c).outcome.tokenId) }) },
    {
      method: "POST",
      path: "/spreads",
      handle: (c) => Object.fromEntries(bodyTokens(c).map((id) => [id, spread(id)])),
    },
    { method: "GET", path: "/last-trade-price", handle: (c) => lastTrade(tokenParam(c).outcome.tokenId) },
    {
      method: "POST",
      path: "/last-trades-prices",
      handle: (c) => bodyTokens(c).map((id) => ({ token_id: id, ...lastTrade(id) })),
    },
    {
      method: "GET",
      path: "/tick-size",
      handle: (c) => ({
        minimum_tick_size: wireNumber(
          formatMicros(tokenParam(c, EXCHANGE_MESSAGES.marketNotFound).market.tickSize),
        ),
      }),
    },
    {
      method: "GET",
      path: "/neg-risk",
      handle: (c) => ({ neg_risk: tokenParam(c, EXCHANGE_MESSAGES.marketNotFound).market.negRisk }),
    },
    {
      method: "GET",
      path: "/fee-rate",
      handle: (c) => ({ base_fee: tokenParam(c, EXCHANGE_MESSAGES.marketNotFound).market.feeRateBps }),
    },
    {
      method: "GET",
      path: "/prices-history",
      handle: (c) => {
        const tokenId = token(c.query.get("market"), EXCHANGE_MESSAGES.marketNotFound).outcome.tokenId;
        const start = Number(c.query.get("startTs") ?? 0);
        const end = Number(c.query.get("endTs") ?? Number.MAX_SAFE_INTEGER);
        const points = (state.history.get(tokenId) ?? []).filter(
          (point) => point.t >= start && point.t <= end,
        );
        return { history: points.map((point) => ({ t: point.t, p: wireNumber(formatMicros(point.p)) })) };
      },
    },
  ];
}
