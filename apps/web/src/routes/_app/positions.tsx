import { Label } from "@open-trade/ui/label";
import { Select } from "@open-trade/ui/select";
import { createFileRoute, useNavigate } from "@tanstack/react-router";
import { z } from "zod";
import { Empty, ErrorState, Loading } from "../../components/states.tsx";
import { PositionsTable } from "../../features/positions/positions-table.tsx";
import { usePositionRows } from "../../features/positions/use-position-rows.ts";

const searchSchema = z.object({
  mode: z.enum(["paper", "live"]).default("paper").catch("paper"),
  status: z.enum(["open", "closed"]).default("open").catch("open"),
});

export const Route = createFileRoute("/_app/positions")({
  validateSearch: searchSchema,
  component: Positions,
});

/** Every position of every bot in one mode (paper and live never mixed), in Polymarket's terms. */
function Positions() {
  const search = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const { query, rows } = usePositionRows(search.mode, search.status);
  const set = (change: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...change }), replace: true });
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-end gap-3">
        <h1 className="text-2xl font-semibold">Positions</h1>
        <div className="ml-auto flex flex-wrap gap-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="positions-mode">Mode</Label>
            <Select
              id="positions-mode"
              value={search.mode}
              onChange={(e) => set({ mode: e.target.value as "paper" | "live" })}
            >
              <option value="paper">Paper</option>
              <option value="live">Live</option>
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="positions-status">Show</Label>
            <Select
              id="positions-status"
              value={search.status}
              onChange={(e) => set({ status: e.target.value as "open" | "closed" })}
            >
              <option value="open">Open</option>
              <option value="closed">Closed and resolved</option>
            </Select>
          </div>
        </div>
      </header>
      {query.isPending ? (
        <Loading label="positions" rows={4} />
      ) : query.isError ? (
        <ErrorState error={query.error} retry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <Empty title={search.status === "open" ? "No open positions" : "No closed positions"}>
          {search.status === "open"
            ? `Your bots hold nothing on ${search.mode} right now; fills appear here as they happen.`
            : "Positions your bots sold out of, or whose market resolved, appear here."}
        </Empty>
      ) : (
        <PositionsTable rows={rows} />
      )}
    </div>
  );
}
