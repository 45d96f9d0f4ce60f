import { Button } from "@open-trade/ui/button";
import { Card } from "@open-trade/ui/card";
import { Select } from "@open-trade/ui/select";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute, Link, useNavigate } from "@tanstack/react-router";
import { Plus } from "lucide-react";
import { z } from "zod";
import { useTRPC } from "../../../api/trpc.ts";
import { Empty, ErrorState, Loading } from "../../../components/states.tsx";
import { BotControls, KillSwitch } from "../../../features/bots/bot-controls.tsx";
import { type BotFilter, type BotSort, filterBots, sortBots } from "../../../features/bots/bot-list-view.ts";
import { BotComparison } from "../../../features/overview/bot-comparison.tsx";

const searchSchema = z.object({
  show: z.enum(["all", "running", "paused"]).default("all").catch("all"),
  sort: z.enum(["priority", "name", "pnl", "last-run"]).default("priority").catch("priority"),
});

export const Route = createFileRoute("/_app/bots/")({
  validateSearch: searchSchema,
  loader: ({ context }) => context.queryClient.ensureQueryData(context.trpc.bots.list.queryOptions()),
  component: BotsPage,
});

function BotsPage() {
  const trpc = useTRPC();
  const search = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const bots = useQuery(trpc.bots.list.queryOptions());
  const setSearch = (next: Partial<{ show: BotFilter; sort: BotSort }>) =>
    navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Bots</h1>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <KillSwitch />
          <Button asChild>
            <Link to="/bots/new">
              <Plus aria-hidden="true" /> New bot
            </Link>
          </Button>
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <label htmlFor="bots-show" className="flex flex-col gap-1 text-sm">
          Show
          <Select
            id="bots-show"
            value={search.show}
            onChange={(e) => setSearch({ show: e.target.value as BotFilter })}
          >
            <option value="all">All bots</option>
            <option value="running">Running</option>
            <option value="paused">Paused or stopped</option>
          </Select>
        </label>
        <label htmlFor="bots-sort" className="flex flex-col gap-1 text-sm">
          Sort by
          <Select
            id="bots-sort"
            value={search.sort}
            onChange={(e) => setSearch({ sort: e.target.value as BotSort })}
          >
            <option value="priority">Priority</option>
            <option value="name">Name</option>
            <option value="pnl">PnL today</option>
            <option value="last-run">Last evaluation</option>
          </Select>
        </label>
      </div>
      {bots.isPending ? (
        <Loading label="bots" />
      ) : bots.isError ? (
        <ErrorState error={bots.error} retry={() => void bots.refetch()} />
      ) : bots.data.length === 0 ? (
        <Empty title="No bots yet">
          <Link to="/bots/new" className="text-primary underline">
            Create your first bot
          </Link>{" "}
          from a template; it starts paused, on paper.
        </Empty>
      ) : (
        <Card className="p-2">
          <BotComparison
            bots={sortBots(filterBots(bots.data, search.show), search.sort)}
            actions={(bot) => <BotControls bot={bot} compact />}
          />
        </Card>
      )}
    </div>
  );
}
