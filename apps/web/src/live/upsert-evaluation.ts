import type { QueryClient, QueryKey } from "@tanstack/react-query";

interface Row {
  readonly id: string;
  readonly botId: string;
  readonly startedAt: string;
}
interface Page<T extends Row> {
  readonly items: T[];
  readonly nextCursor: string | null;
}
/** A timeline loaded page by page (useInfiniteQuery): the newest page first. */
interface Pages<T extends Row> {
  readonly pages: Page<T>[];
  readonly pageParams: unknown[];
}

/** Puts a new or updated evaluation into the cached pages of its own bot's timeline, newest first. */
export function upsertEvaluation<T extends Row>(queryClient: QueryClient, pathKey: QueryKey, row: T) {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: pathKey })) {
    const input = (query.queryKey[1] as { input?: { botId?: string } } | undefined)?.input;
    if (input?.botId !== row.botId) continue;
    queryClient.setQueryData<Page<T> | Pages<T>>(query.queryKey, (data) => {
      if (!data || !("pages" in data)) return mergeRow(data, row);
      const [first, ...rest] = data.pages;
      const merged = first ? mergeRow(first, row) : undefined;
      return merged && merged !== first ? { ...data, pages: [merged, ...rest] } : data;
    });
  }
}

export function mergeRow<T extends Row>(page: Page<T> | undefined, row: T): Page<T> | undefined {
  if (!page?.items) return page;
  const at = page.items.findIndex((r) => r.id === row.id);
  if (at >= 0) return { ...page, items: page.items.map((r, i) => (i === at ? row : r)) };
  const newest = page.items[0];
  // Only the first page (the newest rows) takes a new row; older pages are complete already.
  if (newest && newest.startedAt > row.startedAt) return page;
  return { ...page, items: [row, ...page.items] };
}
