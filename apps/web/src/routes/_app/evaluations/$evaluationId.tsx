import { Badge } from "@open-trade/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@open-trade/ui/card";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useTRPC } from "../../../api/trpc.ts";
import { RiskCheckTable } from "../../../components/risk-check-table.tsx";
import { ErrorState, Loading } from "../../../components/states.tsx";
import { ModeTag, TradingStateBadge } from "../../../features/bots/bot-status.tsx";
import { FillsTable } from "../../../features/trace/fills-table.tsx";
import { OutcomeBadge } from "../../../features/trace/outcome.tsx";
import { PositionAfter } from "../../../features/trace/position-after.tsx";
import { riskRows } from "../../../features/trace/risk-rows.ts";
import { formatUsd } from "../../../lib/money.ts";
import { utcTime } from "../../../lib/time.ts";

export const Route = createFileRoute("/_app/evaluations/$evaluationId")({
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(context.trpc.evaluations.byId.queryOptions(params)),
  component: DecisionTrace,
  errorComponent: ({ error }) => <ErrorState error={error} />,
});

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm break-all tabular-nums">{children}</dd>
    </div>
  );
}

/** One evaluation, top to bottom in the order things happened: inputs, decision, risk verdict, fills, after. */
function DecisionTrace() {
  const trpc = useTRPC();
  const params = Route.useParams();
  const evaluation = useQuery(trpc.evaluations.byId.queryOptions(params));
  if (evaluation.isPending) return <Loading label="the decision trace" rows={6} />;
  if (evaluation.isError)
    return <ErrorState error={evaluation.error} retry={() => void evaluation.refetch()} />;
  const e = evaluation.data;
  const rows = riskRows(e.outcome, e.denialCodes);
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

      <Card>
        <CardHeader>
          <CardTitle>1. Inputs</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Fact label="Market">{e.marketId ?? "None chosen"}</Fact>
            <Fact label="Trading state before">{e.tradingState}</Fact>
            <Fact label="Mode">{e.mode === "live" ? "Live (real money)" : "Paper"}</Fact>
            <Fact label="Started">{utcTime(e.startedAt)}</Fact>
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>2. Decision</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Fact label="Decided by">{e.decidedBy ?? "—"}</Fact>
            <Fact label="Model">{e.modelId ?? "Rules only (no model)"}</Fact>
            <Fact label="Tokens in / out">
              {e.llmInputTokens} / {e.llmOutputTokens}
            </Fact>
            <Fact label="Model cost">{formatUsd(e.llmBilledUsd, { decimals: 6 })}</Fact>
          </dl>
          <div>
            <h3 className="text-xs text-muted-foreground">Reasoning</h3>
            <p className="mt-1 whitespace-pre-wrap text-sm">
              {e.fills[0]?.reasoning || e.reason || "No reasoning recorded."}
            </p>
          </div>
        </CardContent>
      </Card>

      <Card data-testid="risk-verdict">
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            3. Risk engine verdict
            {e.denialCodes.length ? (
              <Badge variant="loss">Denied: {e.denialCodes.join(", ")}</Badge>
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

      <Card>
        <CardHeader>
          <CardTitle>4. Order and fills</CardTitle>
        </CardHeader>
        <CardContent>
          {e.fills.length ? (
            <FillsTable fills={e.fills} intendedPrice={null} />
          ) : (
            <p className="text-sm text-muted-foreground">No order was filled in this evaluation.</p>
          )}
        </CardContent>
      </Card>

      {e.marketId ? <PositionAfter botId={e.botId} mode={e.mode} marketId={e.marketId} /> : null}
    </article>
  );
}
