import { type Family, type MetricType, renderFamily } from "./prometheus-text.ts";

export interface Metrics {
  counter(name: string, help: string, labels?: Record<string, string>): { inc(by?: number): void };
  gauge(name: string, help: string, labels?: Record<string, string>): { set(v: number): void };
  histogram(name: string, help: string, labels?: Record<string, string>): { observe(seconds: number): void };
  /** Prometheus text exposition format 0.0.4. */
  render(): string;
}

/** Seconds; an evaluation without a model takes milliseconds, one with a model takes seconds. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export class MetricsError extends Error {
  constructor(
    readonly code: "BAD_NAME" | "BAD_LABEL" | "TYPE_CONFLICT" | "NEGATIVE_INCREMENT" | "NOT_A_NUMBER",
    message: string,
  ) {
    super(message);
    this.name = "MetricsError";
  }
}

/**
 * In-process registry. Asking twice for the same name and labels returns the same series, so callers
 * can look a series up at the point of use instead of threading handles around.
 */
export function createMetrics(): Metrics {
  const families = new Map<string, Family>();

  const series = (type: MetricType, name: string, help: string, labels: Record<string, string> = {}) => {
    if (!METRIC_NAME.test(name)) throw new MetricsError("BAD_NAME", `"${name}" is not a valid metric name`);
    for (const l of Object.keys(labels)) {
      if (!LABEL_NAME.test(l) || l.startsWith("__") || (type === "histogram" && l === "le")) {
        throw new MetricsError("BAD_LABEL", `"${l}" is not a valid label name for ${name}`);
      }
    }
    let family = families.get(name);
    if (family === undefined) {
      family = { name, help, type, series: new Map() };
      families.set(name, family);
    } else if (family.type !== type) {
      throw new MetricsError("TYPE_CONFLICT", `${name} is already a ${family.type}, not a ${type}`);
    }
    const sorted = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const id = JSON.stringify(sorted);
    let s = family.series.get(id);
    if (s === undefined) {
      s = { labels: sorted, value: 0, buckets: DURATION_BUCKETS.map(() => 0), count: 0, sum: 0 };
      family.series.set(id, s);
    }
    return s;
  };

  const finite = (name: string, v: number) => {
    if (!Number.isFinite(v)) throw new MetricsError("NOT_A_NUMBER", `${name} got ${v}; pass a finite number`);
  };

  return {
    counter(name, help, labels) {
      const s = series("counter", name, help, labels);
      return {
        inc(by = 1) {
          finite(name, by);
          if (by < 0) throw new MetricsError("NEGATIVE_INCREMENT", `${name} is a counter; it cannot go down`);
          s.value += by;
        },
      };
    },
    gauge(name, help, labels) {
      const s = series("gauge", name, help, labels);
      return {
        set(v) {
          finite(name, v);
          s.value = v;
        },
      };
    },
    histogram(name, help, labels) {
      const s = series("histogram", name, help, labels);
      return {
        observe(seconds) {
          finite(name, seconds);
          DURATION_BUCKETS.forEach((bound, i) => {
            if (seconds <= bound) s.buckets[i] = (s.buckets[i] ?? 0) + 1;
          });
          s.count += 1;
          s.sum += seconds;
        },
      };
    },
    render() {
      return [...families.values()].map((f) => renderFamily(f, DURATION_BUCKETS)).join("");
    },
  };
}
