import { formatUsd } from "@open-trade/risk-engine";
import { describe, expect, it } from "vitest";
import { recordedCatalog } from "../testing/catalog-fixture.ts";
import { callCost } from "./call-cost.ts";

const sonnet = await recordedCatalog().find("anthropic/claude-3.5-sonnet");
const mini = await recordedCatalog().find("openai/gpt-4o-mini");

describe("callCost", () => {
  it.each([
    ["the provider reports a cost", "0.0123456789", "0.012346", "PROVIDER", "0.0123456789", sonnet],
    ["the provider reports a cost in exponent form", "0.00000015", "0.000001", "PROVIDER", "1.5e-7", sonnet],
    ["no cost is reported on a dear model", "0.0045", "0.0045", "CATALOG", null, sonnet],
    ["no cost is reported on a cheap model", "0.00021", "0.00021", "CATALOG", null, mini],
    ["no cost is reported and the model is unknown", "0", "0", "UNPRICED", null, null],
  ] as const)(
    "when %s then the exact cost is %s, billed %s, from %s",
    (_n, exact, billed, source, literal, entry) => {
      const cost = callCost(
        { text: "{}", inputTokens: 1000, outputTokens: 100, reportedCostLiteral: literal },
        "prompt",
        entry ?? null,
      );
      expect([cost.exactUsd, formatUsd(cost.billedUsd), cost.source]).toEqual([exact, billed, source]);
    },
  );

  it("when the provider omits token counts then they are estimated, never zero", () => {
    const cost = callCost(
      { text: '{"action":"hold"}', inputTokens: null, outputTokens: null, reportedCostLiteral: null },
      "Decide.",
      sonnet ?? null,
    );
    expect([cost.inputTokens, cost.outputTokens]).toEqual([3, 10]);
  });
});
