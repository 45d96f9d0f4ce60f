import { formatUsd } from "@open-trade/risk-engine";
import { z } from "zod";
import { type HttpJsonOptions, requestJson } from "./http-json.ts";
import type { MarketData, MarketFilter, MarketParams, PriceHistoryRange, TokenId } from "./market-data.ts";
import { matchesFilter } from "./market-filter.ts";
import { PolymarketError } from "./polymarket-error.ts";
import { clobBookSchema } from "./wire/clob-book.ts";
import { clobMarketInfoSchema, clobMarketSchema, conditionByTokenSchema } from "./wire/clob-market-info.ts";
import { lastTradeSchema, midpointSchema, priceHistorySchema, spreadSchema } from "./wire/clob-prices.ts";
import { gammaMarketListSchema } from "./wire/gamma-market.ts";
import { parseWire } from "./wire/parse-wire.ts";

export interface HttpMarketDataOptions extends HttpJsonOptions {
  /** e.g. https://gamma-api.polymarket.com or the stand-in's gammaUrl. */
  readonly gammaUrl: string;
  /** e.g. https://clob.polymarket.com or the stand-in's clobUrl. */
  readonly clobUrl: string;
}

const PAGE = 100;
// Bounds a listing whose filter Gamma cannot apply server-side (text, tags), and a server that ignores offset.
const MAX_PAGES = 20;
// The CLOB's documented maximum for POST /books.
const BOOKS_PER_REQUEST = 500;

/** Market data from Gamma and the CLOB's public endpoints. */
export function createHttpMarketData(options: HttpMarketDataOptions): MarketData {
  const url = (base: string, path: string, query: Record<string, string | undefined> = {}) => {
    const target = new URL(path, base.endsWith("/") ? base : `${base}/`);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) target.searchParams.set(key, value);
    return target;
  };
  const get = async <S extends z.ZodType>(
    base: string,
    path: string,
    query: Record<string, string | undefined>,
    schema: S,
  ) => parseWire(schema, await requestJson(url(base, path, query), {}, options), `GET ${path}`);
  // A token's condition never changes, but its tick size does (near 0 and 1), so only the former is kept.
  const conditionOf = new Map<TokenId, string>();

  const gammaQuery = (filter: MarketFilter, offset: number) => ({
    limit: String(PAGE),
    offset: String(offset),
    include_tag: "true",
    ...(filter.active === undefined ? {} : { active: String(filter.active), closed: String(!filter.active) }),
    ...(filter.minLiquidity === undefined ? {} : { liquidity_num_min: formatUsd(filter.minLiquidity) }),
    ...(filter.resolvesWithinMs === undefined
      ? {}
      : {
          end_date_min: filter.now.toISOString(),
          end_date_max: new Date(filter.now.getTime() + filter.resolvesWithinMs).toISOString(),
        }),
  });

  const market: MarketData = {
    async listMarkets(filter) {
      const wanted = filter.limit ?? PAGE;
      const found = [];
      for (let offset = 0; found.length < wanted && offset < PAGE * MAX_PAGES; offset += PAGE) {
        const page = await get(
          options.gammaUrl,
          "markets",
          gammaQuery(filter, offset),
          gammaMarketListSchema,
        );
        found.push(...page.filter((row) => matchesFilter(row, filter)));
        if (page.length < PAGE) break;
      }
      return found.slice(0, wanted);
    },
    async getMarket(conditionId) {
      // Gamma hides closed markets unless asked (since 2026-04-09), so a resolved market needs a second look.
      for (const closed of ["false", "true"]) {
        const query = { condition_ids: conditionId, include_tag: "true", closed };
        const rows = await get(options.gammaUrl, "markets", query, gammaMarketListSchema);
        const row = rows.find(
          (candidate) => candidate.conditionId.toLowerCase() === conditionId.toLowerCase(),
        );
        if (row) return row;
      }
      throw new PolymarketError("NOT_FOUND", `No market has condition id ${conditionId}; check the id.`);
    },
    getOrderBook: (tokenId) => get(options.clobUrl, "book", { token_id: tokenId }, clobBookSchema),
    async getOrderBooks(tokenIds) {
      const books = [];
      for (let start = 0; start < tokenIds.length; start += BOOKS_PER_REQUEST) {
        const body = tokenIds
          .slice(start, start + BOOKS_PER_REQUEST)
          .map((tokenId) => ({ token_id: tokenId }));
        const raw = await requestJson(url(options.clobUrl, "books"), { method: "POST", body }, options);
        books.push(...parseWire(z.array(clobBookSchema), raw, "POST /books"));
      }
      return books;
    },
    async getQuote(tokenId) {
      const query = { token_id: tokenId };
      // A token with an empty side or no trade yet answers 404 on the matching endpoint: that is "none", not an error.
      const none = (error: unknown) => {
        if (error instanceof PolymarketError && error.code === "NOT_FOUND") return null;
        throw error;
      };
      const [mid, spread, last] = await Promise.all([
        get(options.clobUrl, "midpoint", query, midpointSchema).catch(none),
        get(options.clobUrl, "spread", query, spreadSchema).catch(none),
        get(options.clobUrl, "last-trade-price", query, lastTradeSchema).catch(none),
      ]);
      return {
        tokenId,
        midpoint: mid?.mid ?? null,
        spread: spread?.spread ?? null,
        lastTrade: last && last.price !== null && last.side ? { price: last.price, side: last.side } : null,
      };
    },
    async getPriceHistory(tokenId, range: PriceHistoryRange) {
      const query = {
        market: tokenId,
        fidelity: range.fidelityMinutes === undefined ? undefined : String(range.fidelityMinutes),
        ...("interval" in range
          ? { interval: range.interval }
          : { startTs: String(range.startTs), endTs: String(range.endTs) }),
      };
      const body = await get(options.clobUrl, "prices-history", query, priceHistorySchema);
      return body.history.map((point) => ({ t: point.t, price: point.p }));
    },
    async getMarketParams(tokenId): Promise<MarketParams> {
      let conditionId = conditionOf.get(tokenId);
      if (conditionId === undefined) {
        conditionId = (await get(options.clobUrl, `markets-by-token/${tokenId}`, {}, conditionByTokenSchema))
          .condition_id;
        conditionOf.set(tokenId, conditionId);
      }
      const { tokenIds, ...params } = await get(
        options.clobUrl,
        `clob-markets/${conditionId}`,
        {},
        clobMarketInfoSchema,
      );
      if (!tokenIds.includes(tokenId)) {
        throw new PolymarketError(
          "MALFORMED_RESPONSE",
          `GET /clob-markets/${conditionId} does not list token ${tokenId}.`,
          {
            field: "t",
          },
        );
      }
      return params;
    },
    async getResolution(conditionId) {
      const body = await get(options.clobUrl, `markets/${conditionId}`, {}, clobMarketSchema);
      const winner = body.tokens.find((token) => token.winner === true);
      if (winner) return { state: "resolved", conditionId, winningTokenId: winner.token_id };
      return { state: body.closed ? "closed" : "open", conditionId };
    },
  };
  return market;
}
