import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@open-trade/ui/table";
import { Link } from "@tanstack/react-router";
import { FileSearch } from "lucide-react";
import { Pnl } from "../../components/pnl.tsx";
import { formatCents, formatPercent, formatShares, formatUsd } from "../../lib/money.ts";
import { MarketLabel } from "../markets/market-label.tsx";
import { OutcomeChip } from "./outcome-chip.tsx";
import type { PositionRowView } from "./use-position-rows.ts";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const endText = (iso: string | null) => (iso ? day.format(new Date(iso)) : "—");
const cents = (price: string | null) => (price === null ? "—" : formatCents(price));
const usd = (value: string | null) => (value === null ? "—" : formatUsd(value));

/** P/L of the position: unrealized while it is open, realized once it is closed. */
function PositionPnl({ row }: { row: PositionRowView }) {
  const value = row.closed ? row.realizedPnlUsd : row.unrealizedPnlUsd;
  if (value === null) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="inline-flex flex-col items-end">
      <Pnl value={value} />
      {row.pnlPercent !== null && !row.closed ? (
        <span className="text-xs text-muted-foreground">{formatPercent(row.pnlPercent, true)}</span>
      ) : null}
    </span>
  );
}

const traceLinkClass = "inline-flex items-center gap-1 text-sm underline-offset-2 hover:underline";

function TraceLabel() {
  return (
    <>
      <FileSearch aria-hidden="true" className="size-4" />
      Why
      <span className="sr-only"> this position was taken (decision trace)</span>
    </>
  );
}

/** The decision trace of the position's last fill: its evaluation, or (older fills without one) found by time. */
function TraceLink({ row }: { row: PositionRowView }) {
  if (row.lastEvaluationId) {
    return (
      <Link
        to="/evaluations/$evaluationId"
        params={{ evaluationId: row.lastEvaluationId }}
        className={traceLinkClass}
      >
        <TraceLabel />
      </Link>
    );
  }
  if (!row.botId) return null;
  return (
    <Link
      to="/fill-trace"
      search={{ bot: row.botId, mode: row.mode, market: row.marketId }}
      className={traceLinkClass}
    >
      <TraceLabel />
    </Link>
  );
}

/** Positions as a table on wide screens and as cards on a phone (each opens its market or its trace). */
export function PositionsTable({ rows }: { rows: readonly PositionRowView[] }) {
  return (
    <>
      <div className="hidden md:block">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Market</TableHead>
              <TableHead>Outcome</TableHead>
              <TableHead className="text-right">Shares</TableHead>
              <TableHead className="text-right">Avg</TableHead>
              <TableHead className="text-right">Current</TableHead>
              <TableHead className="text-right">Value</TableHead>
              <TableHead className="text-right">P/L</TableHead>
              <TableHead className="text-right">Max payout</TableHead>
              <TableHead>Ends</TableHead>
              <TableHead>Trace</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key} data-testid="position-row">
                <TableCell className="max-w-80">
                  <MarketLabel marketId={row.marketId} market={row.market} />
                  <div className="text-xs text-muted-foreground">{row.botName ?? "—"}</div>
                </TableCell>
                <TableCell>
                  <OutcomeChip outcome={row.outcome} />
                </TableCell>
                <TableCell className="text-right">{formatShares(row.shares)}</TableCell>
                <TableCell className="text-right">{formatCents(row.averageEntryPrice)}</TableCell>
                <TableCell className="text-right">{cents(row.markPrice)}</TableCell>
                <TableCell className="text-right">{usd(row.valueUsd)}</TableCell>
                <TableCell className="text-right">
                  <PositionPnl row={row} />
                </TableCell>
                <TableCell className="text-right">{formatUsd(row.maxPayoutUsd)}</TableCell>
                <TableCell className="whitespace-nowrap">{endText(row.endDate)}</TableCell>
                <TableCell>
                  <TraceLink row={row} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul className="flex flex-col gap-2 md:hidden" aria-label="Positions">
        {rows.map((row) => (
          <li key={row.key} className="flex flex-col gap-2 rounded-lg border p-3" data-testid="position-card">
            <div className="flex items-start justify-between gap-2">
              <MarketLabel marketId={row.marketId} market={row.market} />
              <OutcomeChip outcome={row.outcome} />
            </div>
            <dl className="grid grid-cols-3 gap-2 text-sm tabular-nums">
              <Fact label="Shares">{formatShares(row.shares)}</Fact>
              <Fact label="Avg → now">
                {formatCents(row.averageEntryPrice)} → {cents(row.markPrice)}
              </Fact>
              <Fact label="Value">{usd(row.valueUsd)}</Fact>
              <Fact label="P/L">
                <PositionPnl row={row} />
              </Fact>
              <Fact label="To win">{formatUsd(row.maxPayoutUsd)}</Fact>
              <Fact label="Ends">{endText(row.endDate)}</Fact>
            </dl>
            <div className="flex items-center justify-between text-xs text-muted-foreground">
              <span>{row.botName ?? "—"}</span>
              <TraceLink row={row} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
