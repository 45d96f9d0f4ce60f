import { badgeVariants } from "@open-trade/ui/badge";
import { memo } from "react";
import { formatCents, formatShares, formatUsd } from "../../lib/money.ts";
import { isSimulated, questionText } from "../../lib/simulated.ts";
import { utcTime } from "../../lib/time.ts";
import type { MarketInfo } from "../markets/market-label.tsx";
import { fillNotional } from "../trace/fill-math.ts";
import { traceHrefOf } from "./trace-href.ts";
import type { LedgerTrade } from "./visible-trades.ts";

export const ROW_HEIGHT = 44;

interface Cells {
  readonly time: string;
  readonly traceHref: string;
  readonly marketHref: string;
  readonly shares: string;
  readonly price: string;
  readonly cost: string;
  readonly fee: string;
}

// A trade never changes (the ledger only grows), so its formatted cells are computed once and kept with it.
const cache = new WeakMap<LedgerTrade, Cells>();

function cellsOf(t: LedgerTrade): Cells {
  let cells = cache.get(t);
  if (!cells) {
    cells = {
      time: utcTime(t.createdAt).replace(" UTC", ""),
      traceHref: traceHrefOf(t),
      marketHref: `/markets/${encodeURIComponent(t.marketId)}`,
      shares: formatShares(t.size),
      price: formatCents(t.price),
      cost: formatUsd(fillNotional(t.size, t.price)),
      fee: formatUsd(t.feeUsd, { decimals: 4 }),
    };
    cache.set(t, cells);
  }
  return cells;
}

const modeClass = {
  live: badgeVariants({ variant: "loss", className: "uppercase" }),
  paper: badgeVariants({ variant: "outline", className: "uppercase" }),
};
const simulatedClass = badgeVariants({ variant: "warning" });

/**
 * One ledger row, as light as it can be: plain links (the table routes their clicks), cached cells, and no
 * re-render unless its trade or market changes, so scrolling renders only the rows coming into view.
 */
export const LedgerRow = memo(function LedgerRow({
  trade: t,
  market,
  index,
}: {
  trade: LedgerTrade;
  market: MarketInfo | undefined;
  index: number;
}) {
  const c = cellsOf(t);
  return (
    <tr
      aria-rowindex={index + 2}
      className="border-b hover:bg-muted/50"
      style={{ height: ROW_HEIGHT }}
      data-testid="ledger-row"
    >
      <td className="px-3 whitespace-nowrap">
        <a
          href={c.traceHref}
          data-route
          className="underline-offset-2 hover:underline"
          title="Open the decision trace of this fill"
        >
          <time dateTime={t.createdAt}>{c.time}</time>
        </a>
      </td>
      <td className="max-w-40 truncate px-3" title={t.botName}>
        {t.botName}
      </td>
      <td className="max-w-72 truncate px-3">
        {market && isSimulated(market) ? (
          <span
            className={`${simulatedClass} mr-1.5`}
            title="A simulated market of the stand-in exchange"
            data-testid="simulated-badge"
          >
            SIMULATED
          </span>
        ) : null}
        <a
          href={c.marketHref}
          data-route
          className="font-medium underline-offset-2 hover:underline"
          title={t.marketId}
        >
          {market ? questionText(market.question) : <span className="font-mono text-xs">{t.marketId}</span>}
        </a>
      </td>
      <td className="px-3 font-semibold uppercase">{t.side}</td>
      <td className="px-3 text-right">{c.shares}</td>
      <td className="px-3 text-right">{c.price}</td>
      <td className="px-3 text-right">{c.cost}</td>
      <td className="px-3 text-right">{c.fee}</td>
      <td className="px-3">
        <span className={modeClass[t.mode]}>{t.mode}</span>
      </td>
    </tr>
  );
});
