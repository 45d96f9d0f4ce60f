import { useQueries, useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { isClosed, returnPercent } from "./position-math.ts";

export type PositionStatus = "open" | "closed";

/**
 * The trader's positions in one mode with each market's question, outcome name, end date and state (one
 * cached market query per distinct market), filtered to open or closed/resolved.
 */
export function usePositionRows(mode: "paper" | "live", status: PositionStatus) {
  const trpc = useTRPC();
  const positions = useQuery(trpc.positions.list.queryOptions({ mode, openOnly: status === "open" }));
  const marketIds = [...new Set((positions.data ?? []).map((p) => p.marketId))];
  const markets = useQueries({
    queries: marketIds.map((conditionId) => ({
      ...trpc.markets.byId.queryOptions({ conditionId }),
      staleTime: 60_000,
    })),
  });
  const marketById = new Map(marketIds.map((id, i) => [id, markets[i]?.data]));
  const rows = (positions.data ?? [])
    .map((p) => {
      const market = marketById.get(p.marketId);
      const outcome = market?.outcomes.find((o) => o.tokenId === p.tokenId)?.outcome ?? null;
      return {
        ...p,
        key: `${p.botId}-${p.marketId}-${p.tokenId}`,
        market,
        outcome,
        endDate: market?.endDate ?? null,
        closed: isClosed(p.shares, market?.closed),
        pnlPercent: p.unrealizedPnlUsd === null ? null : returnPercent(p.unrealizedPnlUsd, p.costBasisUsd),
      };
    })
    .filter((row) => (status === "open" ? !row.closed : row.closed));
  return { query: positions, rows };
}

export type PositionRowView = ReturnType<typeof usePositionRows>["rows"][number];
