import { useInfiniteQuery } from "@tanstack/react-query";
import { useCallback, useDeferredValue, useMemo } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { questionText } from "../../lib/simulated.ts";
import type { MarketInfo } from "../markets/market-label.tsx";
import { type LedgerSearch, tradesInput } from "./ledger-search.ts";
import { visibleTrades } from "./visible-trades.ts";

/**
 * The ledger for the URL's filters: the API filters by bot, market, mode, side and days and pages newest
 * first; text and order apply to the loaded trades (deferred, so typing stays responsive). New fills arrive
 * through the app's live stream, which invalidates these pages.
 */
export function useLedger(search: LedgerSearch, markets: ReadonlyMap<string, MarketInfo>) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(
    trpc.trades.list.infiniteQueryOptions(tradesInput(search), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
  const loaded = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const q = useDeferredValue(search.q);
  const trades = useMemo(
    () =>
      visibleTrades(loaded, { q, sort: search.sort }, (id) => {
        const market = markets.get(id);
        return market ? questionText(market.question) : undefined;
      }),
    [loaded, q, search.sort, markets],
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  /** Every page the filters match, for an export that leaves nothing out. */
  const loadAll = useCallback(async () => {
    let data = pages.data;
    let more = pages.hasNextPage;
    while (more) {
      const next = await pages.fetchNextPage();
      data = next.data;
      more = next.hasNextPage;
    }
    return data?.pages.flatMap((p) => p.items) ?? [];
  }, [pages]);
  return { pages, loaded, trades, loadMore, loadAll };
}
