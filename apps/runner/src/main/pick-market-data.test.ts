import { type StandInExchange, startStandInExchange } from "@open-trade/polymarket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickMarketData } from "./pick-market-data.ts";

// A port nothing listens on: the probe fails at once, as it would offline.
const DEAD = "http://127.0.0.1:9";
let real: StandInExchange;

beforeAll(async () => {
  // Plays the part of Polymarket for "auto" and "polymarket", on loopback.
  real = await startStandInExchange({ seed: 7 });
});
afterAll(async () => {
  await real?.close();
});

describe("pickMarketData", () => {
  it.each<[string, "auto" | "sim" | "polymarket", "real" | "dead", boolean, string]>([
    ["auto and Polymarket answers", "auto", "real", false, "Polymarket answered the probe"],
    ["auto and Polymarket is unreachable", "auto", "dead", true, "Polymarket did not answer the probe"],
    ["sim even when Polymarket answers", "sim", "real", true, "MARKET_DATA=sim"],
    ["polymarket", "polymarket", "real", false, "MARKET_DATA=polymarket"],
  ])(
    "when the mode is %s then the source says whether it is simulated",
    async (_name, mode, upstream, simulated, why) => {
      const urls =
        upstream === "real"
          ? { gammaUrl: real.gammaUrl, clobUrl: real.clobUrl }
          : { gammaUrl: DEAD, clobUrl: DEAD };
      const source = await pickMarketData({ mode, ...urls, probeTimeoutMs: 1_000 });
      try {
        const markets = await source.marketData.listMarkets({ active: true, limit: 3, now: new Date() });
        expect([source.simulated, source.why, source.label.startsWith("SIMULATED")]).toEqual([
          simulated,
          why,
          simulated,
        ]);
        expect(markets.length).toBeGreaterThan(0);
      } finally {
        await source.close();
      }
    },
  );
});
