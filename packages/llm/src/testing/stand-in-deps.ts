import { usd } from "@open-trade/risk-engine";
import { ReservationMeter } from "../cost/metered-call.ts";
import { createOpenRouterGateway } from "../provider/openrouter-gateway.ts";
import { CircuitBreakers } from "../reliability/circuit-breaker.ts";
import type { StandIn } from "../stand-in/stand-in-server.ts";
import { recordedCatalog } from "./catalog-fixture.ts";
import { fakeClock, fixedRandom } from "./fake-ports.ts";

/** Real provider against the stand-in, recorded catalog, fake clock: what the model-calling tests share. */
export const standInDeps = (standIn: StandIn) => ({
  gateway: createOpenRouterGateway({ baseURL: standIn.baseURL, apiKey: "sk-test" }),
  clock: fakeClock(),
  random: fixedRandom(0),
  breakers: new CircuitBreakers(),
  catalog: recordedCatalog(),
});

export const testMeter = (amount = "1") =>
  new ReservationMeter({ id: "res-1", botId: "bot-1", amountUsd: usd(amount), createdAtMs: 0 }, "user-1");
