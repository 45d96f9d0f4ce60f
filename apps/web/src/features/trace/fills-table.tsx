import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@open-trade/ui/table";
import { formatCents, formatShares, formatUsd } from "../../lib/money.ts";
import { utcTime } from "../../lib/time.ts";
import { fillNotional, slippageCents } from "./fill-math.ts";

export interface FillRow {
  readonly id: string;
  readonly side: "buy" | "sell";
  readonly size: string;
  readonly price: string;
  readonly feeUsd: string;
  readonly orderId: string | null;
  readonly createdAt: string;
}

/** The fills of one order: size, price in ¢, exact cost, fee and slippage against the intended price. */
export function FillsTable({
  fills,
  intendedPrice,
}: {
  fills: readonly FillRow[];
  intendedPrice: string | null;
}) {
  return (
    <Table scrollLabel="Fills">
      <TableHeader>
        <TableRow>
          <TableHead>Time</TableHead>
          <TableHead>Side</TableHead>
          <TableHead className="text-right">Shares</TableHead>
          <TableHead className="text-right">Price</TableHead>
          <TableHead className="text-right">Cost</TableHead>
          <TableHead className="text-right">Fee</TableHead>
          <TableHead className="text-right">Slippage</TableHead>
          <TableHead>Order</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {fills.map((f) => (
          <TableRow key={f.id}>
            <TableCell>
              <time dateTime={f.createdAt}>{utcTime(f.createdAt)}</time>
            </TableCell>
            <TableCell className="font-semibold uppercase">{f.side}</TableCell>
            <TableCell className="text-right">{formatShares(f.size)}</TableCell>
            <TableCell className="text-right">{formatCents(f.price)}</TableCell>
            <TableCell className="text-right">{formatUsd(fillNotional(f.size, f.price))}</TableCell>
            <TableCell className="text-right">{formatUsd(f.feeUsd, { decimals: 4 })}</TableCell>
            <TableCell className="text-right">
              {slippageCents(f.side, f.price, intendedPrice) ?? "—"}
            </TableCell>
            <TableCell className="font-mono text-xs">{f.orderId ?? "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
