import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@open-trade/ui/table";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { Pnl } from "../../components/pnl.tsx";
import { Empty, ErrorState, Loading } from "../../components/states.tsx";
import { formatCents, formatShares, formatUsd } from "../../lib/money.ts";

/** What the bot holds in its current mode, folded from the ledger. */
export function PositionsTab({ botId, mode }: { botId: string; mode: "paper" | "live" }) {
  const trpc = useTRPC();
  const positions = useQuery(trpc.positions.list.queryOptions({ botId, mode, openOnly: true }));
  if (positions.isPending) return <Loading label="positions" />;
  if (positions.isError) return <ErrorState error={positions.error} retry={() => void positions.refetch()} />;
  if (!positions.data.length) return <Empty title="No open positions" />;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Market</TableHead>
          <TableHead className="text-right">Shares</TableHead>
          <TableHead className="text-right">Avg price</TableHead>
          <TableHead className="text-right">Cost</TableHead>
          <TableHead className="text-right">Max payout</TableHead>
          <TableHead className="text-right">Fees</TableHead>
          <TableHead className="text-right">Realized</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {positions.data.map((p) => (
          <TableRow key={`${p.marketId}-${p.tokenId}`}>
            <TableCell className="max-w-48 truncate font-mono text-xs" title={p.marketId}>
              {p.marketId}
            </TableCell>
            <TableCell className="text-right">{formatShares(p.shares)}</TableCell>
            <TableCell className="text-right">{formatCents(p.averageEntryPrice)}</TableCell>
            <TableCell className="text-right">{formatUsd(p.costBasisUsd)}</TableCell>
            <TableCell className="text-right">{formatUsd(p.shares)}</TableCell>
            <TableCell className="text-right">{formatUsd(p.feesUsd, { decimals: 4 })}</TableCell>
            <TableCell className="text-right">
              <Pnl value={p.realizedPnlUsd} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
