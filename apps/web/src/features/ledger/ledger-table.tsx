import { useNavigate } from "@tanstack/react-router";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type MouseEvent, useEffect, useRef } from "react";
import type { MarketInfo } from "../markets/market-label.tsx";
import { LedgerRow, ROW_HEIGHT } from "./ledger-row.tsx";
import type { LedgerTrade } from "./visible-trades.ts";

const COLUMNS = ["Time (UTC)", "Bot", "Market", "Side", "Shares", "Price", "Cost", "Fee", "Mode"] as const;
const RIGHT = new Set(["Shares", "Price", "Cost", "Fee"]);
// Fixed column widths (the market takes the rest) with `table-layout: fixed`: the browser lays out a row by
// itself instead of re-measuring every column's content whenever rows scroll in, which kept scrolling at ~30 fps.
const WIDTHS: Record<(typeof COLUMNS)[number], string | undefined> = {
  "Time (UTC)": "10.5rem",
  Bot: "10rem",
  Market: undefined,
  Side: "4.5rem",
  Shares: "6.5rem",
  Price: "5.5rem",
  Cost: "6.5rem",
  Fee: "6.5rem",
  Mode: "5.5rem",
};

/** Stands in for the rows out of view, so the scroll height is that of the whole log. */
function Spacer({ height }: { height: number }) {
  return (
    <tr>
      <td colSpan={COLUMNS.length} style={{ height, padding: 0 }} />
    </tr>
  );
}

export interface LedgerTableProps {
  readonly trades: readonly LedgerTrade[];
  readonly markets: ReadonlyMap<string, MarketInfo>;
  /** Called when the trader scrolls near the end of what is loaded. */
  readonly onNearEnd?: () => void;
}

/**
 * The trade log as one table whose body renders only the rows in view (plus a few), so 100,000 rows scroll
 * as smoothly as 100. Spacer rows keep the scroll height and the table's semantics; rows have a fixed height.
 */
export function LedgerTable({ trades, markets, onNearEnd }: LedgerTableProps) {
  const scroller = useRef<HTMLElement>(null);
  const navigate = useNavigate();
  // The rows' plain links navigate inside the app; a modified click still opens a new tab as usual.
  const route = (event: MouseEvent<HTMLElement>) => {
    const link = (event.target as Element).closest("a[data-route]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    void navigate({ href: link.getAttribute("href") ?? "/" });
  };
  const virtualizer = useVirtualizer({
    count: trades.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows are cheap and fixed-height; a long overscan only adds rows to mount on every fast scroll frame.
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (onNearEnd && trades.length > 0 && last >= trades.length - 30) onNearEnd();
  }, [last, trades.length, onNearEnd]);
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the clicks routed here come from links, which Enter also clicks.
    <section
      ref={scroller}
      onClick={route}
      className="h-[calc(100dvh-17rem)] min-h-80 overflow-auto rounded-lg border"
      data-testid="ledger-scroller"
      aria-label={`Trade log, ${trades.length} trades`}
    >
      <table
        className="w-full min-w-[62rem] table-fixed text-sm tabular-nums"
        aria-rowcount={trades.length + 1}
      >
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c} style={WIDTHS[c] ? { width: WIDTHS[c] } : undefined} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-background shadow-[0_1px_0_var(--border)]">
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <th
                key={c}
                scope="col"
                className={`h-9 px-3 text-xs font-medium text-muted-foreground ${RIGHT.has(c) ? "text-right" : "text-left"}`}
              >
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 ? <Spacer height={top} /> : null}
          {items.map((item) => {
            const t = trades[item.index];
            return t ? (
              <LedgerRow key={t.id} trade={t} market={markets.get(t.marketId)} index={item.index} />
            ) : null;
          })}
          {bottom > 0 ? <Spacer height={bottom} /> : null}
        </tbody>
      </table>
    </section>
  );
}
