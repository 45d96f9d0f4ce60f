export type MetricType = "counter" | "gauge" | "histogram";

export interface Series {
  readonly labels: readonly (readonly [string, string])[];
  value: number;
  /** Cumulative: an observation counts in every bucket whose upper bound it does not exceed. */
  readonly buckets: number[];
  count: number;
  sum: number;
}

export interface Family {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  readonly series: Map<string, Series>;
}

const escapeHelp = (s: string) => s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
const escapeLabel = (s: string) => s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');

function labelText(labels: readonly (readonly [string, string])[]): string {
  if (labels.length === 0) return "";
  return `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",")}}`;
}

function num(v: number): string {
  if (v === Number.POSITIVE_INFINITY) return "+Inf";
  if (v === Number.NEGATIVE_INFINITY) return "-Inf";
  return Number.isNaN(v) ? "NaN" : String(v);
}

/** One family in text format 0.0.4: HELP, TYPE, then its samples (histograms as _bucket/_sum/_count). */
export function renderFamily(family: Family, bounds: readonly number[]): string {
  const lines = [`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`];
  for (const s of family.series.values()) {
    if (family.type !== "histogram") {
      lines.push(`${family.name}${labelText(s.labels)} ${num(s.value)}`);
      continue;
    }
    bounds.forEach((bound, i) => {
      lines.push(`${family.name}_bucket${labelText([...s.labels, ["le", num(bound)]])} ${s.buckets[i] ?? 0}`);
    });
    lines.push(`${family.name}_bucket${labelText([...s.labels, ["le", "+Inf"]])} ${s.count}`);
    lines.push(`${family.name}_sum${labelText(s.labels)} ${num(s.sum)}`);
    lines.push(`${family.name}_count${labelText(s.labels)} ${s.count}`);
  }
  return `${lines.join("\n")}\n`;
}
