/** Request counts and latency per procedure, in the Prometheus text format at /metrics. */
export interface Metrics {
  observe(path: string, type: string, outcome: string, ms: number): void;
  render(): string;
}

const BUCKETS_MS = [5, 10, 20, 50, 100, 250, 500, 1_000, 5_000];

export function createMetrics(): Metrics {
  const counts = new Map<string, number>();
  const histograms = new Map<string, { buckets: number[]; sum: number; count: number }>();
  const label = (value: string) => value.replace(/[^A-Za-z0-9_.:-]/g, "_");
  return {
    observe(path, type, outcome, ms) {
      const key = `procedure="${label(path)}",type="${label(type)}",outcome="${label(outcome)}"`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const hkey = `procedure="${label(path)}"`;
      const h = histograms.get(hkey) ?? { buckets: BUCKETS_MS.map(() => 0), sum: 0, count: 0 };
      BUCKETS_MS.forEach((le, i) => {
        if (ms <= le) h.buckets[i] = (h.buckets[i] ?? 0) + 1;
      });
      h.sum += ms;
      h.count += 1;
      histograms.set(hkey, h);
    },
    render() {
      const lines = ["# TYPE open_trade_api_requests_total counter"];
      for (const [key, n] of counts) lines.push(`open_trade_api_requests_total{${key}} ${n}`);
      lines.push("# TYPE open_trade_api_request_ms histogram");
      for (const [key, h] of histograms) {
        for (const [i, le] of BUCKETS_MS.entries()) {
          lines.push(`open_trade_api_request_ms_bucket{${key},le="${le}"} ${h.buckets[i]}`);
        }
        lines.push(`open_trade_api_request_ms_bucket{${key},le="+Inf"} ${h.count}`);
        lines.push(`open_trade_api_request_ms_sum{${key}} ${h.sum.toFixed(3)}`);
        lines.push(`open_trade_api_request_ms_count{${key}} ${h.count}`);
      }
      return `${lines.join("\n")}\n`;
    },
  };
}
