import { Button } from "@open-trade/ui/button";
import { Input } from "@open-trade/ui/input";
import { Label } from "@open-trade/ui/label";
import { Select } from "@open-trade/ui/select";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { type ReactNode, useId } from "react";
import { useTRPC } from "../../api/trpc.ts";
import type { LedgerSearch } from "./ledger-search.ts";

function Filter({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      {children(id)}
    </div>
  );
}

/** Every control writes the URL (typed search params); the ledger reads only the URL. */
export function LedgerFilters({
  search,
  onChange,
}: {
  search: LedgerSearch;
  onChange: (change: Partial<LedgerSearch>) => void;
}) {
  const trpc = useTRPC();
  const bots = useQuery(trpc.bots.list.queryOptions({ includeArchived: true }));
  const pick = <T extends string>(value: string) => (value === "" ? undefined : (value as T));
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7">
      <Filter label="Search">
        {(id) => (
          <Input
            id={id}
            type="search"
            placeholder="Bot, market, reasoning"
            value={search.q ?? ""}
            onChange={(e) => onChange({ q: e.target.value || undefined })}
          />
        )}
      </Filter>
      <Filter label="Bot">
        {(id) => (
          <Select id={id} value={search.bot ?? ""} onChange={(e) => onChange({ bot: pick(e.target.value) })}>
            <option value="">All bots</option>
            {(bots.data ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </Select>
        )}
      </Filter>
      <Filter label="Mode">
        {(id) => (
          <Select
            id={id}
            value={search.mode ?? ""}
            onChange={(e) => onChange({ mode: pick(e.target.value) })}
          >
            <option value="">Paper and live</option>
            <option value="paper">Paper</option>
            <option value="live">Live</option>
          </Select>
        )}
      </Filter>
      <Filter label="Side">
        {(id) => (
          <Select
            id={id}
            value={search.side ?? ""}
            onChange={(e) => onChange({ side: pick(e.target.value) })}
          >
            <option value="">Buys and sells</option>
            <option value="buy">Buys</option>
            <option value="sell">Sells</option>
          </Select>
        )}
      </Filter>
      <Filter label="From (UTC)">
        {(id) => (
          <Input
            id={id}
            type="date"
            value={search.from ?? ""}
            onChange={(e) => onChange({ from: e.target.value || undefined })}
          />
        )}
      </Filter>
      <Filter label="To (UTC)">
        {(id) => (
          <Input
            id={id}
            type="date"
            value={search.to ?? ""}
            onChange={(e) => onChange({ to: e.target.value || undefined })}
          />
        )}
      </Filter>
      <Filter label="Order">
        {(id) => (
          <Select
            id={id}
            value={search.sort}
            onChange={(e) => onChange({ sort: e.target.value as LedgerSearch["sort"] })}
          >
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </Select>
        )}
      </Filter>
      {search.market ? (
        <div className="col-span-full flex items-center gap-2 text-sm">
          <span>
            Market <span className="font-mono text-xs">{search.market}</span>
          </span>
          <Button variant="ghost" size="sm" onClick={() => onChange({ market: undefined })}>
            <X aria-hidden="true" /> Clear market
          </Button>
        </div>
      ) : null}
    </div>
  );
}
