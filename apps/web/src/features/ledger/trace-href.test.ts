import { describe, expect, it } from "vitest";
import { traceHrefOf } from "./trace-href.ts";
import type { LedgerTrade } from "./visible-trades.ts";

const fill: LedgerTrade = {
  id: "f1",
  botId: "7d0c6a43-6a43-4a43-8a43-6a436a436a43",
  botName: "Fade long shots",
  marketId: "0xabc",
  tokenId: "t1",
  mode: "paper",
  side: "buy",
  size: "10",
  price: "0.5",
  feeUsd: "0",
  reasoning: "",
  orderId: null,
  createdAt: "2026-12-01T10:00:00.000Z",
};

describe("a fill's decision trace link", () => {
  it("when the fill carries its evaluation id then it opens that evaluation's trace directly", () => {
    expect(traceHrefOf({ ...fill, evaluationId: "e5b1f0e2-0000-4000-8000-000000000001" })).toBe(
      "/evaluations/e5b1f0e2-0000-4000-8000-000000000001",
    );
  });

  it("when an older fill has no evaluation id then it falls back to finding it by the fill's time", () => {
    const href = traceHrefOf({ ...fill, evaluationId: null });
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/fill-trace");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      bot: fill.botId,
      mode: "paper",
      market: "0xabc",
      at: fill.createdAt,
    });
  });
});
