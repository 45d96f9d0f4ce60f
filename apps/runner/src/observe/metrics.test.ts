import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMetrics, DURATION_BUCKETS, MetricsError } from "./metrics.ts";

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof MetricsError ? e.code : "OTHER";
  }
};

describe("createMetrics", () => {
  it("when counters with labels are incremented then render shows one family with a line per series", () => {
    const m = createMetrics();
    m.counter("open_trade_evaluations_total", "Evaluations by outcome.", { outcome: "filled" }).inc();
    m.counter("open_trade_evaluations_total", "Evaluations by outcome.", { outcome: "hold" }).inc(2);
    m.counter("open_trade_evaluations_total", "Evaluations by outcome.", { outcome: "filled" }).inc();
    expect(m.render()).toBe(
      [
        "# HELP open_trade_evaluations_total Evaluations by outcome.",
        "# TYPE open_trade_evaluations_total counter",
        'open_trade_evaluations_total{outcome="filled"} 2',
        'open_trade_evaluations_total{outcome="hold"} 2',
        "",
      ].join("\n"),
    );
  });

  it("when a gauge is set twice then the last value is rendered", () => {
    const m = createMetrics();
    m.gauge("open_trade_due_bots", "Bots due now.").set(5);
    m.gauge("open_trade_due_bots", "Bots due now.").set(3);
    expect(m.render()).toContain("\nopen_trade_due_bots 3\n");
  });

  it("when a histogram observes values then buckets are cumulative with +Inf, sum and count", () => {
    const m = createMetrics();
    const h = m.histogram("d_seconds", "Durations.", { mode: "paper" });
    for (const v of [0.004, 0.02, 0.02, 7, 100]) h.observe(v);
    const out = m.render();
    expect(out).toContain('d_seconds_bucket{mode="paper",le="0.005"} 1\n');
    expect(out).toContain('d_seconds_bucket{mode="paper",le="0.025"} 3\n');
    expect(out).toContain('d_seconds_bucket{mode="paper",le="10"} 4\n');
    expect(out).toContain('d_seconds_bucket{mode="paper",le="+Inf"} 5\n');
    expect(out).toContain('d_seconds_sum{mode="paper"} 107.044\n');
    expect(out).toContain('d_seconds_count{mode="paper"} 5\n');
  });

  it("when label values hold quotes, backslashes and newlines then they are escaped", () => {
    const m = createMetrics();
    m.counter("c_total", "Help with \\ and\nnewline.", { code: 'a"b\\c\nd' }).inc();
    expect(m.render()).toBe(
      '# HELP c_total Help with \\\\ and\\nnewline.\n# TYPE c_total counter\nc_total{code="a\\"b\\\\c\\nd"} 1\n',
    );
  });

  it("when labels are given in a different order then they address the same series", () => {
    const m = createMetrics();
    m.counter("c_total", "h", { a: "1", b: "2" }).inc();
    m.counter("c_total", "h", { b: "2", a: "1" }).inc();
    expect(m.render()).toContain('c_total{a="1",b="2"} 2\n');
  });

  it.each<[string, () => unknown, string]>([
    ["a name with a dash", () => createMetrics().counter("bad-name", "h"), "BAD_NAME"],
    ["a label starting with __", () => createMetrics().counter("c", "h", { __x: "1" }), "BAD_LABEL"],
    ["a histogram label le", () => createMetrics().histogram("h", "h", { le: "1" }), "BAD_LABEL"],
    ["a negative increment", () => createMetrics().counter("c", "h").inc(-1), "NEGATIVE_INCREMENT"],
    ["a NaN gauge", () => createMetrics().gauge("g", "h").set(Number.NaN), "NOT_A_NUMBER"],
    [
      "a name reused with another type",
      () => {
        const m = createMetrics();
        m.counter("x", "h");
        m.gauge("x", "h");
      },
      "TYPE_CONFLICT",
    ],
  ])("when given %s then it throws %s", (_name, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });

  it("when any durations are observed then every bucket count is monotone and +Inf equals the count", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true })), (values) => {
        const m = createMetrics();
        const h = m.histogram("h_seconds", "h");
        for (const v of values) h.observe(v);
        const counts = [...m.render().matchAll(/h_seconds_bucket\{le="[^"]+"\} (\d+)/g)].map((x) =>
          Number(x[1]),
        );
        expect(counts).toHaveLength(DURATION_BUCKETS.length + 1);
        expect(counts.every((c, i) => i === 0 || c >= (counts[i - 1] ?? 0))).toBe(true);
        expect(counts.at(-1)).toBe(values.length);
      }),
    );
  });
});
