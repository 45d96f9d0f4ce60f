import { Button } from "@open-trade/ui/button";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTRPC } from "../../api/trpc.ts";
import { Empty, ErrorState, Loading } from "../../components/states.tsx";
import { formatUsd } from "../../lib/money.ts";
import { timeAgo, utcTime } from "../../lib/time.ts";
import { matchesFilter, OUTCOME_FILTERS, OutcomeBadge, type OutcomeFilter } from "../trace/outcome.tsx";

const FILTER_LABELS: Record<OutcomeFilter, string> = {
  all: "All",
  traded: "Traded",
  skipped: "Skipped",
  blocked: "Blocked",
  failed: "Failed",
};

/** The bot's evaluations as a timeline, newest first; filter by what happened, because "why no trade?" comes first. */
export function EvaluationsTab(props: {
  botId: string;
  filter: OutcomeFilter;
  onFilter: (filter: OutcomeFilter) => void;
}) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(
    trpc.evaluations.list.infiniteQueryOptions(
      { botId: props.botId, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = pages.data?.pages
    .flatMap((p) => p.items)
    .filter((e) => matchesFilter(e.outcome, props.filter));
  return (
    <div className="flex flex-col gap-3">
      <fieldset className="flex flex-wrap gap-1" aria-label="Show evaluations">
        {(Object.keys(OUTCOME_FILTERS) as OutcomeFilter[]).map((f) => (
          <Button
            key={f}
            size="sm"
            variant={props.filter === f ? "default" : "outline"}
            aria-pressed={props.filter === f}
            onClick={() => props.onFilter(f)}
          >
            {FILTER_LABELS[f]}
          </Button>
        ))}
      </fieldset>
      {pages.isPending ? (
        <Loading label="evaluations" />
      ) : pages.isError ? (
        <ErrorState error={pages.error} retry={() => void pages.refetch()} />
      ) : !items?.length ? (
        <Empty title="No evaluations here yet">
          {props.filter === "all"
            ? "Start the bot or run it now."
            : "None with this outcome in what is loaded."}
        </Empty>
      ) : (
        <ol className="flex flex-col gap-2" aria-label="Evaluations, newest first">
          {items.map((e) => (
            <li key={e.id} className="rounded-md border p-3" data-outcome={e.outcome}>
              <div className="flex flex-wrap items-center gap-2">
                <OutcomeBadge outcome={e.outcome} />
                <time
                  dateTime={e.startedAt}
                  title={utcTime(e.startedAt)}
                  className="text-sm text-muted-foreground"
                >
                  {timeAgo(e.startedAt)}
                </time>
                {e.denialCodes.map((c) => (
                  <code key={c} className="rounded bg-muted px-1 text-xs">
                    {c}
                  </code>
                ))}
                <span className="ml-auto text-xs text-muted-foreground tabular-nums">
                  {e.modelId ?? "rules"} · {formatUsd(e.llmBilledUsd, { decimals: 4 })}
                </span>
              </div>
              <p className="mt-1 text-sm">{e.reason || "—"}</p>
              <Link
                to="/evaluations/$evaluationId"
                params={{ evaluationId: e.id }}
                className="mt-1 inline-block text-sm font-medium text-primary hover:underline"
              >
                Open decision trace
              </Link>
            </li>
          ))}
        </ol>
      )}
      {pages.hasNextPage ? (
        <Button
          variant="outline"
          onClick={() => void pages.fetchNextPage()}
          disabled={pages.isFetchingNextPage}
        >
          Load older evaluations
        </Button>
      ) : null}
    </div>
  );
}
