import type { QueryClient } from "@tanstack/react-query";
import type { Trpc } from "../../api/trpc.ts";
import { evaluationOfFill } from "./evaluation-of-fill.ts";

export interface FillRef {
  readonly botId: string;
  readonly mode: "paper" | "live";
  readonly marketId: string;
  /** The fill's time; without it, the bot's latest fill in that market (a position's last trade). */
  readonly at?: string | undefined;
}

const MAX_PAGES = 10;

/** Pages back through the bot's evaluations (newest first) to the one that wrote the fill; null if none did. */
export async function findFillEvaluation(
  queryClient: QueryClient,
  trpc: Trpc,
  fill: FillRef,
): Promise<string | null> {
  let at = fill.at;
  if (!at) {
    const latest = await queryClient.fetchQuery(
      trpc.trades.list.queryOptions({
        botId: fill.botId,
        marketId: fill.marketId,
        mode: fill.mode,
        limit: 1,
      }),
    );
    at = latest.items[0]?.createdAt;
    if (!at) return null;
  }
  const moment = { mode: fill.mode, marketId: fill.marketId, at };
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const evaluations = await queryClient.fetchQuery(
      trpc.evaluations.list.queryOptions({ botId: fill.botId, limit: 200, ...(cursor ? { cursor } : {}) }),
    );
    const found = evaluationOfFill(evaluations.items, moment);
    if (found) return found;
    // Newest first: once a page reaches back before the fill, older evaluations cannot contain it.
    const reachedBack = evaluations.items.some((e) => Date.parse(e.startedAt) <= Date.parse(at));
    if (reachedBack || !evaluations.nextCursor) return null;
    cursor = evaluations.nextCursor;
  }
  return null;
}
