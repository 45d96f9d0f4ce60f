import { describe, expect, it } from "vitest";
import { type EvaluationTrace, readTrace } from "./evaluation-trace.ts";

const trace: EvaluationTrace = {
  version: 1,
  decision: {
    action: "BUY",
    outcome: "YES",
    shares: "10.00",
    sizeUsd: "5.20",
    limitPrice: "0.52",
    confidence: "0.7",
    decidedBy: "rules",
  },
  checks: [{ name: "trades per day", verdict: "pass", code: null, limit: "10", value: "3" }],
};

describe("readTrace", () => {
  it("reads a version 1 trace back as written", () => {
    expect(readTrace(JSON.parse(JSON.stringify(trace)))).toEqual(trace);
  });

  it("reads an evaluation without a trace, or of another version, as null", () => {
    expect(readTrace({})).toBeNull();
    expect(readTrace({ ...trace, version: 2 })).toBeNull();
  });

  it("refuses a float where an exact amount belongs", () => {
    expect(readTrace({ ...trace, decision: { ...trace.decision, limitPrice: 0.52 } })).toBeNull();
  });
});
