import type { Usd } from "@open-trade/risk-engine";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { estimateCallCost } from "../cost/estimate-call-cost.ts";
import { catalogEntries, ReservationMeter } from "../cost/metered-call.ts";
import { decide, decisionRequest } from "../decision/decide.ts";
import { answer, type StandIn, startStandIn } from "../stand-in/stand-in-server.ts";
import { recordedCatalog } from "../testing/catalog-fixture.ts";
import { judgementRecipe, market, snapshot } from "../testing/snapshot-fixture.ts";
import { standInDeps } from "../testing/stand-in-deps.ts";
import { estimateTokens } from "../tokens/estimate-tokens.ts";
import { estimateJsonCall } from "./estimate-json-call.ts";
import { requestInputText } from "./request-input-text.ts";

const MODEL = "anthropic/claude-3.5-sonnet";
const input = {
  modelId: MODEL,
  recipe: judgementRecipe,
  snapshot: snapshot(Array.from({ length: 20 }, (_, i) => market(i))),
};
const good = answer({
  action: "hold",
  market: null,
  outcome: null,
  amount: null,
  worstPrice: null,
  confidence: 40,
  reasoning: "Nothing clearly mispriced.",
});

let standIn: StandIn;
beforeEach(async () => {
  standIn = await startStandIn();
});
afterEach(() => standIn.close());

const meterFor = (amountUsd: Usd) =>
  new ReservationMeter({ id: "r", botId: "b", amountUsd, createdAtMs: 0 }, "u");

describe("estimateJsonCall", () => {
  it("when reserved with the estimate then a decision that needs its repair still completes", async () => {
    const estimate = await estimateJsonCall(recordedCatalog(), decisionRequest(input));
    if (!estimate.ok) throw new Error(estimate.code);
    standIn.script(MODEL, answer("not json"), good);
    const meter = meterFor(estimate.usd);
    const outcome = await decide(standInDeps(standIn), meter, input);
    expect([outcome.ok, meter.records.map((r) => r.purpose)]).toEqual([true, ["decide", "repair"]]);
  });

  it("when reserved for the first call only then the repair is refused before it is sent", async () => {
    const request = decisionRequest(input);
    const entries = await catalogEntries(recordedCatalog(), [MODEL]);
    const firstOnly = estimateCallCost(
      entries,
      estimateTokens(requestInputText(request)),
      request.maxOutputTokens,
    );
    if (!firstOnly.ok) throw new Error(firstOnly.code);
    standIn.script(MODEL, answer("not json"), good);
    const outcome = await decide(standInDeps(standIn), meterFor(firstOnly.usd), input);
    expect(outcome.ok === false && outcome.code).toBe("RESERVATION_TOO_SMALL");
    expect(standIn.requests).toHaveLength(1);
  });

  it.each([
    ["a model missing from the catalog", "nobody/model", "MODEL_NOT_IN_CATALOG"],
    ["a router without a fixed price", "openrouter/auto", "MODEL_PRICE_UNKNOWN"],
  ])("when the fallback is %s then there is no estimate (%s)", async (_name, fallback, code) => {
    const estimate = await estimateJsonCall(recordedCatalog(), decisionRequest(input), {
      fallbackModelIds: [fallback],
    });
    expect(estimate.ok === false && estimate.code).toBe(code);
  });
});
