import { Badge } from "@open-trade/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@open-trade/ui/card";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useTRPC } from "../../../api/trpc.ts";
import { RiskCheckTable } from "../../../components/risk-check-table.tsx";
import { ErrorState, Loading } from "../../../components/states.tsx";
import { ModeTag, TradingStateBadge } from "../../../features/bots/bot-status.tsx";
import { DecisionCard } from "../../../features/trace/decision-card.tsx";
import { Fact } from "../../../features/trace/fact.tsx";
import { MarketSeen } from "../../../features/trace/market-seen.tsx";
import { OrderCard } from "../../../features/trace/order-card.tsx";
import { OutcomeBadge } from "../../../features/trace/outcome.tsx";
import { PositionAfter, TracedPositionAfter } from "../../../features/trace/position-after.tsx";
import { riskRows, tracedRiskRows } from "../../../features/trace/risk-rows.ts";
import { RoomBefore } from "../../../features/trace/room-before.tsx";
import { referencePrice } from "../../../features/trace/trace-format.ts";
import { utcTime } from "../../../lib/time.ts";

export const Route = createFileRoute("/_app/evaluations/$evaluationId")({
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(context.trpc.evaluations.byId.queryOptions(params)),
  component: DecisionTrace,
  errorComponent: ({ error }) => <ErrorState error={error} />,
});

/**
 * One evaluation, top to bottom in the order things happened: what the bot saw, its room, the decision,
 * the risk engine's verdict, the order and fills, the position after. An evaluation stored before traces
 * shows what its own columns say.
 */
function DecisionTrace() {
  const trpc = useTRPC();
  const params = Route.useParams();
  const evaluation = useQuery(trpc.evaluations.byId.queryOptions(params));
  if (evaluation.isPending) return <Loading label="the decision trace" rows={6} />;
  if (evaluation.isError)
    return <ErrorState error={evaluation.error} retry={() => void evaluation.refetch()} />;
  const e = evaluation.data;
  const trace = e.trace;
  const rows = trace?.checks ? tracedRiskRows(trace.checks) : riskRows(e.outcome, e.denialCodes);
  const denied = e.denialCodes.length > 0;
  const reference = trace?.order && trace.market ? referencePrice(trace.order.side, trace.market) : null;
  return (
    <article className="mx-auto flex max-w-5xl flex-col gap-4" aria-labelledby="trace-title">
      <header className="flex flex-col gap-2">
        <Link to="/bots/$botId" params={{ botId: e.botId }} className="text-sm text-primary hover:underline">
          ← {e.fills[0]?.botName ?? "Back to the bot"}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="trace-title" className="text-2xl font-semibold">
            Decision trace
          </h1>
          <OutcomeBadge outcome={e.outcome} large />
          <ModeTag mode={e.mode} />
          <TradingStateBadge state={e.tradingState} />
        </div>
        <p className="text-lg">{e.reason || "No reason was recorded."}</p>
        <p className="text-sm text-muted-foreground">
          <time dateTime={e.startedAt}>{utcTime(e.startedAt)}</time>
          {e.marketId ? (
            <>
              {" "}
              · market <code className="font-mono">{e.marketId}</code>
            </>
          ) : null}
        </p>
      </header>

      {trace?.market ? (
        <MarketSeen market={trace.market} />
      ) : (
        <Card data-testid="trace-market">
          <CardHeader>
            <CardTitle>1. Inputs</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            {trace ? null : (
              <p className="text-sm text-muted-foreground">
                This evaluation was recorded before decision traces, so the market snapshot was not kept.
              </p>
            )}
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
              <Fact label="Market">{e.marketId ?? "None chosen"}</Fact>
              <Fact label="Trading state before">{e.tradingState}</Fact>
              <Fact label="Mode">{e.mode === "live" ? "Live (real money)" : "Paper"}</Fact>
              <Fact label="Started">{utcTime(e.startedAt)}</Fact>
            </dl>
          </CardContent>
        </Card>
      )}

      {trace?.room || trace?.positionBefore ? (
        <RoomBefore
          {...(trace.room ? { room: trace.room } : {})}
          {...(trace.positionBefore ? { position: trace.positionBefore } : {})}
        />
      ) : null}

      <DecisionCard
        {...(trace?.decision ? { decision: trace.decision } : {})}
        cost={e}
        reasoning={e.fills[0]?.reasoning || e.reason}
      />

      <Card data-testid="risk-verdict">
        <CardHeader>
          <CardTitle className="flex flex-wrap items-center gap-2">
            4. Risk engine verdict
            {denied ? (
              <Badge variant="loss">Denied: {e.denialCodes.join(", ")}</Badge>
            ) : rows.some((r) => r.result === "clipped") ? (
              <Badge variant="warning">Passed after clipping the size</Badge>
            ) : rows.length ? (
              <Badge variant="gain">Every check passed</Badge>
            ) : null}
          </CardTitle>
        </CardHeader>
        <CardContent>
          {rows.length ? (
            <RiskCheckTable rows={rows} />
          ) : (
            <p className="text-sm text-muted-foreground">
              No order was proposed, so the risk engine had nothing to check.
            </p>
          )}
        </CardContent>
      </Card>

      <OrderCard
        {...(trace?.order ? { order: trace.order } : {})}
        fills={e.fills}
        referencePrice={reference}
      />

      {trace?.positionAfter ? (
        <TracedPositionAfter position={trace.positionAfter} />
      ) : e.marketId ? (
        <PositionAfter botId={e.botId} mode={e.mode} marketId={e.marketId} />
      ) : null}
    </article>
  );
}
