// The ledger table alone, with 100,000 trades, for the bench in run-bench.ts (built in production mode).
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { LedgerTable } from "../src/features/ledger/ledger-table.tsx";
import { visibleTrades } from "../src/features/ledger/visible-trades.ts";
import "../src/styles.css";
import { syntheticTrades } from "./synthetic-trades.ts";

const trades = syntheticTrades(100_000);
let setQuery: (q: string) => void = () => undefined;

function Bench() {
  const [q, setQ] = useState("");
  setQuery = setQ;
  const shown = useMemo(() => visibleTrades(trades, { q, sort: "newest" }), [q]);
  return (
    <main className="p-4">
      <p data-testid="count">{shown.length}</p>
      <LedgerTable trades={shown} markets={new Map()} />
    </main>
  );
}

const router = createRouter({
  routeTree: createRootRoute({ component: Bench }),
  history: createMemoryHistory(),
});

declare global {
  interface Window {
    bench: {
      rows: number;
      filter: (q: string) => { ms: number; shown: number };
      scroll: (ms: number) => Promise<{ fps: number; worstFrameMs: number; rowsScrolled: number }>;
    };
  }
}

window.bench = {
  rows: trades.length,
  /** Filters and renders synchronously; the time covers the filter and React's commit of the new rows. */
  filter: (q) => {
    const start = performance.now();
    flushSync(() => setQuery(q));
    const ms = performance.now() - start;
    return { ms, shown: Number(document.querySelector('[data-testid="count"]')?.textContent) };
  },
  /** Scrolls 600 px every frame for `ms` and reports the frame rate the browser kept up. */
  scroll: async (ms) => {
    const scroller = document.querySelector('[data-testid="ledger-scroller"]') as HTMLElement;
    const stamps: number[] = [];
    const until = performance.now() + ms;
    await new Promise<void>((done) => {
      const step = (t: number) => {
        stamps.push(t);
        scroller.scrollTop += 600;
        if (t < until) requestAnimationFrame(step);
        else done();
      };
      requestAnimationFrame(step);
    });
    const gaps = stamps.slice(1).map((t, i) => t - (stamps[i] ?? t));
    const seconds = ((stamps.at(-1) ?? 0) - (stamps[0] ?? 0)) / 1000;
    return {
      fps: gaps.length / seconds,
      worstFrameMs: Math.max(...gaps),
      rowsScrolled: scroller.scrollTop / 44,
    };
  },
};

createRoot(document.getElementById("root") as HTMLElement).render(<RouterProvider router={router} />);
