import { type QueryClient, useQuery } from "@tanstack/react-query";

/** One line of the live feed: what happened, to which bot, and where to read why. */
export interface FeedItem {
  readonly id: string;
  readonly kind: "fill" | "denial" | "pause" | "failure";
  readonly botId: string;
  readonly text: string;
  readonly at: string;
  readonly evaluationId?: string;
}

const FEED_KEY = ["live-feed"] as const;
const KEEP = 50;

/** Newest first, at most 50, each event once (a reconnect may replay some). */
export function pushFeed(queryClient: QueryClient, item: FeedItem) {
  queryClient.setQueryData<FeedItem[]>(FEED_KEY, (old = []) =>
    old.some((o) => o.id === item.id) ? old : [item, ...old].slice(0, KEEP),
  );
}

export function useFeed(): FeedItem[] {
  return (
    useQuery({ queryKey: FEED_KEY, queryFn: () => [] as FeedItem[], staleTime: Number.POSITIVE_INFINITY })
      .data ?? []
  );
}
