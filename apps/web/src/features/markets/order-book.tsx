import { formatCents, formatShares } from "../../lib/money.ts";
import { bookSummary, depthLadder, type Level } from "./book-summary.ts";

function Ladder({ title, rows }: { title: string; rows: ReturnType<typeof depthLadder> }) {
  return (
    <table className="w-full text-sm tabular-nums">
      <caption className="pb-1 text-left text-xs font-medium text-muted-foreground">{title}</caption>
      <thead>
        <tr className="text-xs text-muted-foreground">
          <th scope="col" className="text-left font-medium">
            Price
          </th>
          <th scope="col" className="text-right font-medium">
            Shares
          </th>
          <th scope="col" className="text-right font-medium">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={3} className="py-1 text-muted-foreground">
              No orders
            </td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={r.price}>
              <td>{formatCents(r.price)}</td>
              <td className="text-right">{formatShares(r.size)}</td>
              <td className="text-right">{formatShares(r.cumulative)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** One outcome's book: best bid, best ask, spread, and the depth on each side from the best price out. */
export function OrderBook({ bids, asks }: { bids: readonly Level[]; asks: readonly Level[] }) {
  const summary = bookSummary(bids, asks);
  const cents = (v: string | null) => (v === null ? "—" : formatCents(v));
  return (
    <div className="flex flex-col gap-3">
      <dl className="grid grid-cols-3 gap-2 tabular-nums">
        {[
          ["Best bid", cents(summary.bestBid)],
          ["Best ask", cents(summary.bestAsk)],
          ["Spread", cents(summary.spread)],
        ].map(([term, value]) => (
          <div key={term} className="rounded-md border p-2">
            <dt className="text-xs text-muted-foreground">{term}</dt>
            <dd
              className="text-lg font-semibold"
              data-testid={`book-${term?.toLowerCase().replace(" ", "-")}`}
            >
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="grid grid-cols-2 gap-4">
        <Ladder title="Bids (buyers)" rows={depthLadder(bids, "bid")} />
        <Ladder title="Asks (sellers)" rows={depthLadder(asks, "ask")} />
      </div>
    </div>
  );
}
