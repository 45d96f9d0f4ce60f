import { Badge } from "@open-trade/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@open-trade/ui/card";
import { Label } from "@open-trade/ui/label";
import { Select } from "@open-trade/ui/select";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute, Link, useNavigate } from "@tanstack/react-router";
import { useMemo } from "react";
import { z } from "zod";
import { useTRPC } from "../../../api/trpc.ts";
import { ErrorState, Loading } from "../../../components/states.tsx";
import { fillMarkers } from "../../../features/markets/fill-markers.ts";
import { OrderBook } from "../../../features/markets/order-book.tsx";
import { ProbabilityChart } from "../../../features/markets/probability-chart.tsx";
import { SimulatedBadge } from "../../../features/markets/simulated-badge.tsx";
import { formatCents, formatShares, formatUsd } from "../../../lib/money.ts";
import { isSimulated, questionText } from "../../../lib/simulated.ts";
import { utcTime } from "../../../lib/time.ts";

export const Route = createFileRoute("/_app/markets/$conditionId")({
  validateSearch: z.object({ outcome: z.string().max(100).optional().catch(undefined) }),
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(context.trpc.markets.byId.queryOptions(params)),
  component: MarketPage,
  errorComponent: ({ error }) => <ErrorState error={error} />,
});

/** One market: its price as a probability over time with our fills, the book of the chosen outcome. */
function MarketPage() {
  const trpc = useTRPC();
  const { conditionId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const market = useQuery(trpc.markets.byId.queryOptions({ conditionId }));
  const fills = useQuery(trpc.trades.list.queryOptions({ marketId: conditionId, limit: 200 }));
  const m = market.data;
  // The outcome asked for, else the one our bots last traded (so their markers show), else the first.
  const chosen = search.outcome ?? fills.data?.items[0]?.tokenId;
  const outcome = m?.outcomes.find((o) => o.tokenId === chosen) ?? m?.outcomes[0];
  const tokenId = outcome?.tokenId ?? "";
  const history = m?.priceHistory.find((h) => h.tokenId === tokenId)?.points;
  const ourFills = fills.data?.items ?? [];
  const markers = useMemo(() => fillMarkers(history ?? [], ourFills, tokenId), [history, ourFills, tokenId]);
  if (market.isPending) return <Loading label="the market" rows={6} />;
  if (market.isError) return <ErrorState error={market.error} retry={() => void market.refetch()} />;
  if (!m) return null;
  const book = m.books.find((b) => b.tokenId === tokenId);
  const fillById = new Map(ourFills.map((f) => [f.id, f]));
  const describe = (id: string) => {
    const f = fillById.get(id);
    return f
      ? `${f.botName} ${f.side} ${formatShares(f.size)} at ${formatCents(f.price)}, ${utcTime(f.createdAt)}: open decision trace`
      : "Fill";
  };
  const openTrace = (id: string) => {
    const f = fillById.get(id);
    if (f?.evaluationId) {
      void navigate({ to: "/evaluations/$evaluationId", params: { evaluationId: f.evaluationId } });
    } else if (f) {
      // Fills recorded without their evaluation: found by the fill's time.
      void navigate({
        to: "/fill-trace",
        search: { bot: f.botId, mode: f.mode, market: f.marketId, at: f.createdAt },
      });
    }
  };
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <Link to="/markets" search={{ category: m.category ?? undefined }} className="hover:underline">
            {m.category ?? "Markets"}
          </Link>
          {isSimulated(m) ? <SimulatedBadge /> : null}
          {m.closed ? <Badge variant="secondary">Closed</Badge> : null}
        </div>
        <h1 className="text-2xl font-semibold">{questionText(m.question)}</h1>
        <p className="flex flex-wrap gap-x-4 text-sm text-muted-foreground tabular-nums">
          <span>Volume {formatUsd(m.volumeUsd)}</span>
          <span>Liquidity {formatUsd(m.liquidityUsd)}</span>
          {m.endDate ? <span>Ends {utcTime(m.endDate)}</span> : null}
        </p>
      </header>
      <div className="flex flex-col gap-1 sm:w-64">
        <Label htmlFor="market-outcome">Outcome</Label>
        <Select
          id="market-outcome"
          value={tokenId}
          onChange={(e) => void navigate({ search: { outcome: e.target.value }, replace: true })}
        >
          {m.outcomes.map((o) => (
            <option key={o.tokenId} value={o.tokenId}>
              {o.outcome} {o.price === null ? "" : `(${formatCents(o.price)})`}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle>Probability of {outcome?.outcome ?? "this outcome"}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            {history && history.length > 0 ? (
              <ProbabilityChart
                history={history}
                markers={markers}
                label={`Price of ${outcome?.outcome ?? "the outcome"} over the last week, with ${markers.length} fills of your bots`}
                describe={describe}
                onMarker={openTrace}
              />
            ) : (
              <p className="text-sm text-muted-foreground">No price history yet.</p>
            )}
            <p className="text-xs text-muted-foreground">
              B and S mark your bots' buys and sells; choose one to read why it happened.{" "}
              <Link to="/ledger" search={{ market: conditionId, sort: "newest" }} className="underline">
                All fills in this market
              </Link>
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Order book</CardTitle>
          </CardHeader>
          <CardContent>
            {book ? (
              <OrderBook bids={book.bids} asks={book.asks} />
            ) : (
              <p className="text-sm">No book for this outcome.</p>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
