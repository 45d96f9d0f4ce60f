import { EXCHANGE_MESSAGES, ExchangeError } from "./exchange-error.ts";
import type { ExchangeState } from "./exchange-state.ts";
import { gammaEvent, gammaMarket, tagId, tagSlug } from "./gamma-shapes.ts";
import type { RequestContext, Route } from "./router.ts";
import type { Market } from "./types.ts";

/** Gamma is served under this prefix on the same port, since its /markets would clash with the CLOB's. */
export const GAMMA_PREFIX = "/gamma";

const list = (query: URLSearchParams, name: string): string[] => [
  ...query.getAll(name),
  ...query.getAll(`${name}[]`),
];

const flag = (query: URLSearchParams, name: string): boolean | undefined => {
  const value = query.get(name);
  return value === null ? undefined : value === "true";
};

/** Gamma's offset paging; `closed` defaults to false since 2026-04-09 (reference V1 §8). */
function window<T>(items: T[], query: URLSearchParams): T[] {
  const offset = Number(query.get("offset") ?? 0);
  const limit = Number(query.get("limit") ?? 100);
  if (!Number.isInteger(offset) || !Number.isInteger(limit) || offset < 0 || limit < 0) {
    throw new ExchangeError(422, "limit and offset must be non-negative integers");
  }
  return items.slice(offset, offset + limit);
}

function keepMarket(market: Market, query: URLSearchParams): boolean {
  const ids = list(query, "id");
  const slugs = list(query, "slug");
  const tokens = list(query, "clob_token_ids");
  const conditions = list(query, "condition_ids");
  const closed = flag(query, "closed") ?? false;
  const active = flag(query, "active");
  const tag = query.get("tag_id");
  const tagName = query.get("tag_slug");
  return (
    market.closed === closed &&
    (active === undefined || !market.closed === active) &&
    (ids.length === 0 || ids.includes(market.gammaId)) &&
    (slugs.length === 0 || slugs.includes(market.slug)) &&
    (tokens.length === 0 || market.tokens.some((token) => tokens.includes(token.tokenId))) &&
    (conditions.length === 0 || conditions.includes(market.conditionId)) &&
    (tag === null || tagId(market.category) === tag) &&
    (tagName === null || tagSlug(market.category) === tagName) &&
    (query.get("end_date_min") === null || market.endDateIso >= (query.get("end_date_min") ?? "")) &&
    (query.get("end_date_max") === null || market.endDateIso <= (query.get("end_date_max") ?? ""))
  );
}

/** Gamma's read-only /markets and /events, as bare JSON arrays (the legacy offset endpoints). */
export function gammaRoutes(state: ExchangeState): Route[] {
  const markets = () => [...state.markets.values()];
  const events = () => {
    const grouped = new Map<string, Market[]>();
    for (const market of markets())
      grouped.set(market.eventId, [...(grouped.get(market.eventId) ?? []), market]);
    return [...grouped.values()];
  };
  const marketBy = (keep: (market: Market) => boolean) =>
    markets().find(keep) ??
    (() => {
      throw new ExchangeError(404, EXCHANGE_MESSAGES.marketNotFound);
    })();
  const listEvents = (c: RequestContext) => {
    const ids = list(c.query, "id");
    const groups = events().filter((group) =>
      ids.length > 0
        ? ids.includes(group[0]?.eventId ?? "")
        : group.some((market) => keepMarket(market, c.query)),
    );
    return window(groups, c.query).map((group) => gammaEvent(state, group));
  };
  return [
    {
      method: "GET",
      path: `${GAMMA_PREFIX}/markets`,
      handle: (c) =>
        window(
          markets().filter((m) => keepMarket(m, c.query)),
          c.query,
        ).map((m) => gammaMarket(state, m)),
    },
    {
      method: "GET",
      path: `${GAMMA_PREFIX}/markets/slug/:slug`,
      handle: (c) =>
        gammaMarket(
          state,
          marketBy((m) => m.slug === c.params.slug),
        ),
    },
    {
      method: "GET",
      path: `${GAMMA_PREFIX}/markets/:id`,
      handle: (c) =>
        gammaMarket(
          state,
          marketBy((m) => m.gammaId === c.params.id),
        ),
    },
    { method: "GET", path: `${GAMMA_PREFIX}/events`, handle: listEvents },
    {
      method: "GET",
      path: `${GAMMA_PREFIX}/events/:id`,
      handle: (c) => {
        const group = events().find((candidate) => candidate[0]?.eventId === c.params.id);
        if (!group) throw new ExchangeError(404, "event not found");
        return gammaEvent(state, group);
      },
    },
  ];
}
