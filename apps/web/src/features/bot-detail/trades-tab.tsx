import { Button } from "@open-trade/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@open-trade/ui/table";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { Empty, ErrorState, Loading } from "../../components/states.tsx";
import { formatCents, formatShares, formatUsd } from "../../lib/money.ts";
import { utcTime } from "../../lib/time.ts";
import { ModeTag } from "../bots/bot-status.tsx";
import { fillNotional } from "../trace/fill-math.ts";

/** The bot's fills from the ledger, newest first. */
export function TradesTab({ botId }: { botId: string }) {
  const trpc = useTRPC();
  const pages = useInfiniteQuery(
    trpc.trades.list.infiniteQueryOptions(
      { botId, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  if (pages.isPending) return <Loading label="trades" />;
  if (pages.isError) return <ErrorState error={pages.error} retry={() => void pages.refetch()} />;
  const items = pages.data.pages.flatMap((p) => p.items);
  if (!items.length) return <Empty title="No trades yet" />;
  return (
    <div className="flex flex-col gap-3">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Time</TableHead>
            <TableHead>Market</TableHead>
            <TableHead>Side</TableHead>
            <TableHead className="text-right">Shares</TableHead>
            <TableHead className="text-right">Price</TableHead>
            <TableHead className="text-right">Cost</TableHead>
            <TableHead className="text-right">Fee</TableHead>
            <TableHead>Mode</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((t) => (
            <TableRow key={t.id}>
              <TableCell>
                <time dateTime={t.createdAt}>{utcTime(t.createdAt)}</time>
              </TableCell>
              <TableCell className="max-w-48 truncate font-mono text-xs" title={t.marketId}>
                {t.marketId}
              </TableCell>
              <TableCell className="font-semibold uppercase">{t.side}</TableCell>
              <TableCell className="text-right">{formatShares(t.size)}</TableCell>
              <TableCell className="text-right">{formatCents(t.price)}</TableCell>
              <TableCell className="text-right">{formatUsd(fillNotional(t.size, t.price))}</TableCell>
              <TableCell className="text-right">{formatUsd(t.feeUsd, { decimals: 4 })}</TableCell>
              <TableCell>
                <ModeTag mode={t.mode} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pages.hasNextPage ? (
        <Button
          variant="outline"
          onClick={() => void pages.fetchNextPage()}
          disabled={pages.isFetchingNextPage}
        >
          Load older trades
        </Button>
      ) : null}
    </div>
  );
}
