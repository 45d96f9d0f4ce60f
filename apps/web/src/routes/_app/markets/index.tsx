import { Input } from "@open-trade/ui/input";
import { Label } from "@open-trade/ui/label";
import { Select } from "@open-trade/ui/select";
import { useQuery } from "@tanstack/react-query";
import { createFileRoute, Link, useNavigate } from "@tanstack/react-router";
import { useDeferredValue } from "react";
import { z } from "zod";
import { useTRPC } from "../../../api/trpc.ts";
import { Empty, ErrorState, Loading } from "../../../components/states.tsx";
import { SimulatedBadge } from "../../../features/markets/simulated-badge.tsx";
import { formatCents, formatUsd } from "../../../lib/money.ts";
import { isSimulated, questionText } from "../../../lib/simulated.ts";

const searchSchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  category: z.string().min(1).max(60).optional().catch(undefined),
});

export const Route = createFileRoute("/_app/markets/")({
  validateSearch: searchSchema,
  component: Markets,
});

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** Active markets by category, searchable; each opens its market page. */
function Markets() {
  const trpc = useTRPC();
  const search = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const q = useDeferredValue(search.q);
  const all = useQuery({ ...trpc.markets.list.queryOptions({ limit: 200 }), staleTime: 5 * 60_000 });
  const categories = [...new Set((all.data ?? []).map((m) => m.category).filter((c) => c !== null))].sort();
  const markets = useQuery({
    ...trpc.markets.list.queryOptions({
      limit: 100,
      ...(q ? { search: q } : {}),
      ...(search.category ? { category: search.category } : {}),
    }),
    placeholderData: (previous) => previous,
  });
  const set = (change: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...change }), replace: true });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Markets</h1>
      <div className="grid gap-3 sm:grid-cols-[1fr_16rem]">
        <div className="flex flex-col gap-1">
          <Label htmlFor="markets-search">Search</Label>
          <Input
            id="markets-search"
            type="search"
            placeholder="Words of the question"
            value={search.q ?? ""}
            onChange={(e) => set({ q: e.target.value || undefined })}
          />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="markets-category">Category</Label>
          <Select
            id="markets-category"
            value={search.category ?? ""}
            onChange={(e) => set({ category: e.target.value || undefined })}
          >
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {markets.isPending ? (
        <Loading label="markets" rows={6} />
      ) : markets.isError ? (
        <ErrorState error={markets.error} retry={() => void markets.refetch()} />
      ) : markets.data.length === 0 ? (
        <Empty title="No active market matches">Try fewer words or another category.</Empty>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-busy={markets.isFetching}>
          {markets.data.map((m) => (
            <li key={m.conditionId}>
              <Link
                to="/markets/$conditionId"
                params={{ conditionId: m.conditionId }}
                className="flex h-full flex-col gap-2 rounded-lg border p-4 hover:bg-muted/50 focus-visible:outline-2 focus-visible:outline-ring"
              >
                <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                  {m.category ?? "uncategorised"}
                  {isSimulated(m) ? <SimulatedBadge /> : null}
                </span>
                <span className="font-medium">{questionText(m.question)}</span>
                <span className="mt-auto flex flex-wrap gap-x-4 gap-y-1 text-sm tabular-nums">
                  {m.outcomes.map((o) => (
                    <span key={o.tokenId}>
                      {o.outcome} {o.price === null ? "—" : formatCents(o.price)}
                    </span>
                  ))}
                </span>
                <span className="flex flex-wrap gap-x-4 text-xs text-muted-foreground tabular-nums">
                  <span>Vol {formatUsd(m.volumeUsd, { decimals: 0 })}</span>
                  <span>Liq {formatUsd(m.liquidityUsd, { decimals: 0 })}</span>
                  {m.endDate ? <span>Ends {day.format(new Date(m.endDate))}</span> : null}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
