import { Button } from "@open-trade/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@open-trade/ui/card";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute, Link, useNavigate } from "@tanstack/react-router";
import { z } from "zod";
import { useTRPC } from "../../api/trpc.ts";
import { EquityChart } from "../../components/equity-chart.tsx";
import { Pnl } from "../../components/pnl.tsx";
import { StatCard } from "../../components/stat-card.tsx";
import { Empty, ErrorState, Loading } from "../../components/states.tsx";
import { BotComparison } from "../../features/overview/bot-comparison.tsx";
import { LimitCards } from "../../features/overview/limit-cards.tsx";
import { LiveFeed } from "../../features/overview/live-feed.tsx";
import { modeTotals } from "../../features/overview/mode-totals.ts";
import { toEquity } from "../../lib/equity.ts";

const RANGES = { "1D": 1, "7D": 7, "1M": 30, All: 366 } as const;

const searchSchema = z.object({
  mode: z.enum(["paper", "live"]).default("paper").catch("paper"),
  range: z.enum(["1D", "7D", "1M", "All"]).default("1M").catch("1M"),
});

export const Route = createFileRoute("/_app/")({
  validateSearch: searchSchema,
  component: Overview,
});

function Overview() {
  const trpc = useTRPC();
  const search = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const bots = useQuery(trpc.bots.list.queryOptions());
  const positions = useQuery(trpc.positions.list.queryOptions({ mode: search.mode, openOnly: true }));
  const days = useQuery(trpc.stats.pnlPerDay.queryOptions({ mode: search.mode, days: RANGES[search.range] }));
  const usage = useQuery(trpc.stats.overview.queryOptions({ mode: search.mode }));
  const totals = bots.data && positions.data ? modeTotals(bots.data, positions.data, search.mode) : null;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Overview</h1>
        <fieldset className="ml-auto flex gap-1" aria-label="Which money to show">
          {(["paper", "live"] as const).map((m) => (
            <Button
              key={m}
              size="sm"
              variant={search.mode === m ? "default" : "outline"}
              aria-pressed={search.mode === m}
              onClick={() => navigate({ search: (p) => ({ ...p, mode: m }) })}
            >
              {m === "paper" ? "Paper" : "Live"}
            </Button>
          ))}
        </fieldset>
      </div>
      <p className="text-sm text-muted-foreground">
        Showing {search.mode} money only: paper and live are never added together.
      </p>

      {bots.isError ? <ErrorState error={bots.error} retry={() => void bots.refetch()} /> : null}
      {totals ? (
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-3">
          <StatCard
            label="Realized PnL today"
            definition="Profit and loss locked in by sells since 00:00 UTC, fees included, across bots in this mode."
            value={<Pnl value={totals.pnlTodayUsd} />}
          />
          <StatCard
            label="Realized PnL (range)"
            definition="The sum of each day's realized PnL in the chosen range, fees included."
            value={<Pnl value={totals.rangePnl(days.data ?? [])} />}
          />
          <StatCard
            label="Open positions"
            definition="Markets where a bot in this mode holds shares now."
            value={String(totals.openPositions)}
          />
        </div>
      ) : bots.isPending || positions.isPending ? (
        <Loading label="your numbers" rows={2} />
      ) : null}
      {usage.data ? (
        <LimitCards usage={usage.data} mode={search.mode} />
      ) : usage.isError ? (
        <ErrorState error={usage.error} retry={() => void usage.refetch()} />
      ) : (
        <Loading label="limits used today" rows={1} />
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader className="flex-row items-center justify-between">
            <CardTitle>Equity ({search.mode}, realized)</CardTitle>
            <fieldset className="flex gap-1" aria-label="Range">
              {(Object.keys(RANGES) as (keyof typeof RANGES)[]).map((r) => (
                <Button
                  key={r}
                  size="sm"
                  variant={search.range === r ? "secondary" : "ghost"}
                  aria-pressed={search.range === r}
                  onClick={() => navigate({ search: (p) => ({ ...p, range: r }), replace: true })}
                >
                  {r}
                </Button>
              ))}
            </fieldset>
          </CardHeader>
          <CardContent>
            {days.isPending ? (
              <Loading label="the equity curve" rows={4} />
            ) : days.isError ? (
              <ErrorState error={days.error} retry={() => void days.refetch()} />
            ) : (
              <EquityChart points={toEquity(days.data)} label={`Cumulative realized ${search.mode} PnL`} />
            )}
          </CardContent>
        </Card>
        <LiveFeed />
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Bots</CardTitle>
        </CardHeader>
        <CardContent>
          {bots.isPending ? (
            <Loading label="bots" />
          ) : !bots.data?.length ? (
            <Empty title="No bots yet">
              <Link to="/bots/new" className="text-primary underline">
                Create a bot
              </Link>
            </Empty>
          ) : (
            <BotComparison bots={bots.data} />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
