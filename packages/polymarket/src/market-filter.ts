import type { Market, MarketFilter } from "./market-data.ts";

const lower = (values: readonly string[] | undefined) => (values ?? []).map((value) => value.toLowerCase());

/**
 * Applies a MarketFilter locally. Gamma honours only some of these as query parameters (and the stand-in
 * may honour fewer), so the result is always re-checked here.
 */
export function matchesFilter(market: Market, filter: MarketFilter): boolean {
  if (filter.active !== undefined && filter.active !== (market.active && !market.closed)) return false;
  if (filter.minLiquidity !== undefined && market.liquidity < filter.minLiquidity) return false;
  if (filter.resolvesWithinMs !== undefined) {
    if (market.endDate === null) return false;
    const left = market.endDate.getTime() - filter.now.getTime();
    if (left < 0 || left > filter.resolvesWithinMs) return false;
  }
  const labels = lower([...market.tags, ...(market.category ? [market.category] : [])]);
  const categories = lower(filter.categories);
  if (categories.length > 0 && !categories.some((category) => labels.includes(category))) return false;
  const tags = lower(filter.tags);
  if (tags.length > 0 && !tags.some((tag) => labels.includes(tag))) return false;
  if (filter.text !== undefined && filter.text.trim() !== "") {
    const needle = filter.text.trim().toLowerCase();
    if (!market.question.toLowerCase().includes(needle) && !market.slug.toLowerCase().includes(needle))
      return false;
  }
  return true;
}
