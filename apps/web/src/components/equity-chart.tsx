import { BaselineSeries, createChart, type IChartApi, type UTCTimestamp } from "lightweight-charts";
import { useEffect, useRef } from "react";
import { formatUsd } from "../lib/money.ts";

export interface EquityPoint {
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  /** Cumulative PnL up to and including the day, an exact decimal string. */
  readonly equityUsd: string;
}

/** A theme colour as rgb(): the chart cannot parse oklch(), so one pixel is painted and read back. */
export function cssColor(name: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const context = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  if (!value || !context) return "rgb(128, 128, 128)";
  context.fillStyle = value;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * Cumulative PnL around zero (a baseline series). The canvas needs numbers, so values become floats here
 * for drawing only; every number a trader reads comes from the exact strings (the table below the chart).
 */
export function EquityChart({ points, label }: { points: readonly EquityPoint[]; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = createChart(element, {
      autoSize: true,
      layout: { background: { color: "transparent" }, textColor: cssColor("--muted-foreground") },
      grid: { vertLines: { visible: false }, horzLines: { color: cssColor("--border") } },
      rightPriceScale: { borderVisible: false },
      timeScale: { borderVisible: false },
    });
    const series = instance.addSeries(BaselineSeries, {
      baseValue: { type: "price", price: 0 },
      topLineColor: cssColor("--gain"),
      bottomLineColor: cssColor("--loss"),
      priceFormat: { type: "custom", formatter: (v: number) => formatUsd(v.toFixed(2), { signed: true }) },
    });
    series.setData(
      points.map((p) => ({
        time: (Date.parse(`${p.day}T00:00:00Z`) / 1000) as UTCTimestamp,
        value: Number(p.equityUsd),
      })),
    );
    instance.timeScale().fitContent();
    chart.current = instance;
    return () => {
      instance.remove();
      chart.current = null;
    };
  }, [points]);

  return (
    <figure className="flex flex-col gap-2">
      {/* The canvas says nothing to a screen reader (the same numbers are in the table below); the container
          keeps no role, since it holds TradingView's attribution link. */}
      <div ref={container} className="h-56 w-full" />
      <details className="text-sm">
        <summary className="cursor-pointer text-muted-foreground">View as table</summary>
        <table className="mt-2 w-full text-left tabular-nums">
          <caption className="sr-only">{label}</caption>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Cumulative PnL</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.day}>
                <td>{p.day}</td>
                <td>{formatUsd(p.equityUsd, { signed: true })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
