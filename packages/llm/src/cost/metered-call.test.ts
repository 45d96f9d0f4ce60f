import { formatUsd, usd } from "@open-trade/risk-engine";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createOpenRouterGateway } from "../provider/openrouter-gateway.ts";
import { CircuitBreakers } from "../reliability/circuit-breaker.ts";
import { answer, type StandIn, startStandIn } from "../stand-in/stand-in-server.ts";
import { recordedCatalog } from "../testing/catalog-fixture.ts";
import { fakeClock, fixedRandom } from "../testing/fake-ports.ts";
import { meteredCall, ReservationMeter } from "./metered-call.ts";

let standIn: StandIn;
beforeEach(async () => {
  standIn = await startStandIn();
});
afterEach(() => standIn.close());

const deps = () => ({
  gateway: createOpenRouterGateway({ baseURL: standIn.baseURL, apiKey: "sk-test" }),
  clock: fakeClock(),
  random: fixedRandom(0),
  breakers: new CircuitBreakers(),
  catalog: recordedCatalog(),
});
const request = (modelId: string) => ({
  modelId,
  system: "Reply in JSON.",
  prompt: "Say ok.",
  schema: z.object({ ok: z.boolean() }),
  maxOutputTokens: 1_000,
});
const meter = (amount: string) =>
  new ReservationMeter({ id: "res-1", botId: "bot-1", amountUsd: usd(amount), createdAtMs: 0 }, "user-1");

describe("meteredCall", () => {
  it.each([
    ["the provider reports the cost", "0.00042", "0.00042", "0.00042", "PROVIDER"],
    ["the provider reports no cost", undefined, "0.0021", "0.0021", "CATALOG"],
  ])("when %s then one record books %s exactly", async (_name, costLiteral, exact, billed, source) => {
    standIn.script(
      "openai/gpt-4o",
      answer(
        { ok: true },
        { promptTokens: 400, completionTokens: 110, ...(costLiteral ? { costLiteral } : {}) },
      ),
    );
    const m = meter("0.05");
    const outcome = await meteredCall(deps(), m, "decide", request("openai/gpt-4o"));
    expect(outcome.ok).toBe(true);
    expect(
      m.records.map((r) => [r.costUsd, formatUsd(r.billedUsd), r.costSource, r.inputTokens, r.purpose]),
    ).toEqual([[exact, billed, source, 400, "decide"]]);
    expect(m.spentUsd).toBe(usd(billed));
  });

  it.each([
    [
      "the reservation cannot cover the worst case",
      "anthropic/claude-3.5-sonnet",
      "0.001",
      "RESERVATION_TOO_SMALL",
    ],
    ["the model is not in the catalog", "nobody/unknown", "1", "MODEL_NOT_IN_CATALOG"],
    ["the model has no fixed price", "openrouter/auto", "1", "MODEL_PRICE_UNKNOWN"],
  ])("when %s then no request is sent and the code is %s", async (_name, modelId, amount, code) => {
    const m = meter(amount);
    const outcome = await meteredCall(deps(), m, "decide", request(modelId));
    expect(outcome.ok === false && outcome.code).toBe(code);
    expect([standIn.requests.length, m.records.length]).toEqual([0, 0]);
  });
});
