import { Button } from "@open-trade/ui/button";
import { createFileRoute, useNavigate } from "@tanstack/react-router";
import { Download } from "lucide-react";
import { useState } from "react";
import { Empty, ErrorState, Loading } from "../../components/states.tsx";
import { downloadCsv, ledgerCsv } from "../../features/ledger/ledger-csv.ts";
import { LedgerFilters } from "../../features/ledger/ledger-filters.tsx";
import { type LedgerSearch, ledgerSearchSchema } from "../../features/ledger/ledger-search.ts";
import { LedgerTable } from "../../features/ledger/ledger-table.tsx";
import { useLedger } from "../../features/ledger/use-ledger.ts";
import { visibleTrades } from "../../features/ledger/visible-trades.ts";
import { useMarketDirectory } from "../../features/markets/use-market-directory.ts";

export const Route = createFileRoute("/_app/ledger")({
  validateSearch: ledgerSearchSchema,
  component: Ledger,
});

/** The immutable trade log: every fill of every bot, newest first, filtered through the URL. */
function Ledger() {
  const search = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const markets = useMarketDirectory();
  const { pages, trades, loadMore, loadAll } = useLedger(search, markets);
  const [exporting, setExporting] = useState(false);
  const onChange = (change: Partial<LedgerSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...change }), replace: true });
  const exportCsv = async () => {
    setExporting(true);
    try {
      const all = await loadAll();
      downloadCsv(ledgerCsv(visibleTrades(all, search)));
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Ledger</h1>
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {pages.isSuccess
            ? `${trades.length} ${trades.length === 1 ? "trade" : "trades"}${pages.hasNextPage ? " loaded (older ones load as you scroll)" : ""}`
            : ""}
        </p>
        <Button
          className="ml-auto"
          variant="outline"
          onClick={() => void exportCsv()}
          disabled={exporting || !pages.isSuccess || trades.length === 0}
        >
          <Download aria-hidden="true" />
          {exporting ? "Preparing CSV…" : "Export CSV"}
        </Button>
      </header>
      <LedgerFilters search={search} onChange={onChange} />
      {pages.isPending ? (
        <Loading label="the ledger" rows={8} />
      ) : pages.isError ? (
        <ErrorState error={pages.error} retry={() => void pages.refetch()} />
      ) : trades.length === 0 ? (
        <Empty title="No trades match">
          The ledger holds every fill your bots make; change the filters or wait for the next fill.
        </Empty>
      ) : (
        <LedgerTable trades={trades} markets={markets} onNearEnd={loadMore} />
      )}
    </div>
  );
}
