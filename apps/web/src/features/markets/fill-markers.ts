export interface HistoryPoint {
  /** Unix seconds. */
  readonly t: number;
  readonly price: string;
}

export interface MarketFill {
  readonly id: string;
  readonly tokenId: string | null;
  readonly side: "buy" | "sell";
  readonly size: string;
  readonly price: string;
  readonly createdAt: string;
}

export interface FillMarker {
  readonly id: string;
  /** Unix seconds of the history point the marker sits on. */
  readonly time: number;
  readonly side: "buy" | "sell";
}

/**
 * One marker per fill of the charted token, placed on the last history point at or before the fill (the chart
 * only places markers on its own points; a fill before the history starts sits on the first point).
 */
export function fillMarkers(history: readonly HistoryPoint[], fills: readonly MarketFill[], tokenId: string) {
  if (history.length === 0) return [];
  const times = history.map((p) => p.t);
  const first = times[0] ?? 0;
  const markers: FillMarker[] = [];
  for (const fill of fills) {
    if (fill.tokenId !== tokenId) continue;
    const at = Math.floor(Date.parse(fill.createdAt) / 1000);
    let time = first;
    for (const t of times) {
      if (t > at) break;
      time = t;
    }
    markers.push({ id: fill.id, time, side: fill.side });
  }
  return markers.sort((a, b) => a.time - b.time);
}

/** History points in time order with one point per second (the chart refuses repeats and disorder). */
export function chartPoints(history: readonly HistoryPoint[]): HistoryPoint[] {
  const byTime = new Map<number, HistoryPoint>();
  for (const point of history) byTime.set(point.t, point);
  return [...byTime.values()].sort((a, b) => a.t - b.t);
}
