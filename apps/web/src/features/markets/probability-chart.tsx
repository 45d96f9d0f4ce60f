import {
  createChart,
  createSeriesMarkers,
  type IChartApi,
  type ISeriesApi,
  LineSeries,
  type UTCTimestamp,
} from "lightweight-charts";
import { useEffect, useRef, useState } from "react";
import { cssColor } from "../../components/equity-chart.tsx";
import { formatCents } from "../../lib/money.ts";
import { chartPoints, type FillMarker, type HistoryPoint } from "./fill-markers.ts";

export interface ProbabilityChartProps {
  readonly history: readonly HistoryPoint[];
  readonly markers: readonly FillMarker[];
  readonly label: string;
  /** What a marker's button says to a screen reader (and in its tooltip). */
  readonly describe: (fillId: string) => string;
  /** A click (or Enter) on a fill marker: the fill's id. */
  readonly onMarker: (fillId: string) => void;
}

interface Spot {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

const MARKER_OFFSET = 14;

/**
 * The outcome's price (its implied probability) over time, with our bots' fills as markers. Each marker has a
 * real button laid over it, so a fill opens its decision trace by mouse, touch or keyboard. Drawing needs
 * numbers, so prices become floats for the canvas only; the figures a trader reads come from exact strings.
 */
export function ProbabilityChart({ history, markers, label, describe, onMarker }: ProbabilityChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const [spots, setSpots] = useState<readonly Spot[]>([]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart: IChartApi = createChart(element, {
      autoSize: true,
      layout: { background: { color: "transparent" }, textColor: cssColor("--muted-foreground") },
      grid: { vertLines: { visible: false }, horzLines: { color: cssColor("--border") } },
      rightPriceScale: { borderVisible: false, scaleMargins: { top: 0.15, bottom: 0.15 } },
      timeScale: { borderVisible: false, timeVisible: true },
    });
    const series: ISeriesApi<"Line"> = chart.addSeries(LineSeries, {
      color: cssColor("--primary"),
      lineWidth: 2,
      priceFormat: { type: "custom", formatter: (v: number) => formatCents(v.toFixed(3)), minMove: 0.001 },
    });
    const points = chartPoints(history);
    const valueAt = new Map(points.map((p) => [p.t, Number(p.price)]));
    series.setData(points.map((p) => ({ time: p.t as UTCTimestamp, value: Number(p.price) })));
    createSeriesMarkers(
      series,
      markers.map((m) => ({
        id: m.id,
        time: m.time as UTCTimestamp,
        position: m.side === "buy" ? "belowBar" : "aboveBar",
        shape: m.side === "buy" ? "arrowUp" : "arrowDown",
        color: cssColor(m.side === "buy" ? "--gain" : "--loss"),
        text: m.side === "buy" ? "B" : "S",
      })),
    );
    const place = () => {
      const next: Spot[] = [];
      for (const m of markers) {
        const x = chart.timeScale().timeToCoordinate(m.time as UTCTimestamp);
        const y = series.priceToCoordinate(valueAt.get(m.time) ?? 0);
        if (x === null || y === null) continue;
        next.push({ id: m.id, x, y: y + (m.side === "buy" ? MARKER_OFFSET : -MARKER_OFFSET) });
      }
      setSpots(next);
    };
    chart.timeScale().fitContent();
    chart.timeScale().subscribeVisibleLogicalRangeChange(place);
    chart.timeScale().subscribeSizeChange(place);
    requestAnimationFrame(place);
    return () => {
      chart.timeScale().unsubscribeVisibleLogicalRangeChange(place);
      chart.timeScale().unsubscribeSizeChange(place);
      chart.remove();
    };
  }, [history, markers]);

  return (
    <div className="relative h-64 w-full" data-testid="probability-chart">
      {/* The container keeps no role: it holds TradingView's attribution link. The markers are the buttons. */}
      <p className="sr-only">{label}</p>
      <div ref={container} className="absolute inset-0" />
      {spots.map((spot) => (
        <button
          key={spot.id}
          type="button"
          aria-label={describe(spot.id)}
          title={describe(spot.id)}
          data-testid="fill-marker"
          onClick={() => onMarker(spot.id)}
          className="absolute z-10 size-6 -translate-x-1/2 -translate-y-1/2 cursor-pointer rounded-full focus-visible:outline-2 focus-visible:outline-ring"
          style={{ left: spot.x, top: spot.y }}
        />
      ))}
    </div>
  );
}
