import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import type { MarketInfo } from "./market-label.tsx";

/**
 * The active markets by condition id (one public query, cached), so rows that carry only a market id can show
 * its question and SIMULATED badge. A market outside the list shows its id.
 */
export function useMarketDirectory(): ReadonlyMap<string, MarketInfo> {
  const trpc = useTRPC();
  const markets = useQuery({
    ...trpc.markets.list.queryOptions({ limit: 200 }),
    select: (list) => new Map(list.map((m) => [m.conditionId, m])),
    staleTime: 5 * 60_000,
  });
  return markets.data ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, MarketInfo> = new Map();
