import { Link } from "@tanstack/react-router";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import { formatCents, formatShares, formatUsd } from "../../lib/money.ts";
import { utcTime } from "../../lib/time.ts";
import { ModeTag } from "../bots/bot-status.tsx";
import { type MarketInfo, MarketLabel } from "../markets/market-label.tsx";
import { fillNotional } from "../trace/fill-math.ts";
import type { LedgerTrade } from "./visible-trades.ts";

const ROW_HEIGHT = 44;
const COLUMNS = ["Time (UTC)", "Bot", "Market", "Side", "Shares", "Price", "Cost", "Fee", "Mode"] as const;
const RIGHT = new Set(["Shares", "Price", "Cost", "Fee"]);

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
  const virtualizer = useVirtualizer({
    count: trades.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (onNearEnd && trades.length > 0 && last >= trades.length - 30) onNearEnd();
  }, [last, trades.length, onNearEnd]);
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <section
      ref={scroller}
      className="h-[calc(100dvh-17rem)] min-h-80 overflow-auto rounded-lg border"
      data-testid="ledger-scroller"
      aria-label={`Trade log, ${trades.length} trades`}
    >
      <table className="w-full min-w-[56rem] text-sm tabular-nums" aria-rowcount={trades.length + 1}>
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
            if (!t) return null;
            return (
              <tr
                key={t.id}
                aria-rowindex={item.index + 2}
                className="border-b hover:bg-muted/50"
                style={{ height: ROW_HEIGHT }}
                data-testid="ledger-row"
              >
                <td className="px-3 whitespace-nowrap">
                  <Link
                    to="/fill-trace"
                    search={{ bot: t.botId, mode: t.mode, market: t.marketId, at: t.createdAt }}
                    className="underline-offset-2 hover:underline"
                    title="Open the decision trace of this fill"
                  >
                    <time dateTime={t.createdAt}>{utcTime(t.createdAt).replace(" UTC", "")}</time>
                  </Link>
                </td>
                <td className="max-w-40 truncate px-3" title={t.botName}>
                  {t.botName}
                </td>
                <td className="max-w-72 truncate px-3">
                  <MarketLabel marketId={t.marketId} market={markets.get(t.marketId)} />
                </td>
                <td className="px-3 font-semibold uppercase">{t.side}</td>
                <td className="px-3 text-right">{formatShares(t.size)}</td>
                <td className="px-3 text-right">{formatCents(t.price)}</td>
                <td className="px-3 text-right">{formatUsd(fillNotional(t.size, t.price))}</td>
                <td className="px-3 text-right">{formatUsd(t.feeUsd, { decimals: 4 })}</td>
                <td className="px-3">
                  <ModeTag mode={t.mode} />
                </td>
              </tr>
            );
          })}
          {bottom > 0 ? <Spacer height={bottom} /> : null}
        </tbody>
      </table>
    </section>
  );
}
