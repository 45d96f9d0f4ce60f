import { createHttpMarketData, type MarketData, startStandInExchange } from "@open-trade/polymarket";

export const POLYMARKET_GAMMA_URL = "https://gamma-api.polymarket.com";
export const POLYMARKET_CLOB_URL = "https://clob.polymarket.com";

export interface MarketDataSource {
  readonly marketData: MarketData;
  readonly simulated: boolean;
  /** Where live orders would go for this source. */
  readonly clobUrl: string;
  /** What the view shows, so simulated prices are never mistaken for real ones. */
  readonly label: string;
  /** Why this source was chosen (for the log). */
  readonly why: string;
  close(): Promise<void>;
}

export interface PickOptions {
  readonly mode: "auto" | "sim" | "polymarket";
  /** How long "auto" waits for Polymarket before falling back to the stand-in. */
  readonly probeTimeoutMs?: number;
  readonly gammaUrl?: string;
  readonly clobUrl?: string;
  /** How often the simulated markets move (ms). */
  readonly simTickMs?: number;
  readonly now?: () => Date;
}

/**
 * Real Polymarket data when asked for or reachable; otherwise the stand-in exchange on 127.0.0.1 with
 * simulated markets. "polymarket" does not fall back: asking for real data and silently getting fake
 * prices would be worse than failing.
 */
export async function pickMarketData(options: PickOptions): Promise<MarketDataSource> {
  const gammaUrl = options.gammaUrl ?? POLYMARKET_GAMMA_URL;
  const clobUrl = options.clobUrl ?? POLYMARKET_CLOB_URL;
  const real = (why: string): MarketDataSource => ({
    marketData: createHttpMarketData({ gammaUrl, clobUrl }),
    simulated: false,
    clobUrl,
    label: "Polymarket (real order books; paper fills)",
    why,
    close: async () => {},
  });
  if (options.mode === "polymarket") return real("MARKET_DATA=polymarket");
  if (options.mode === "auto") {
    const probe = createHttpMarketData({ gammaUrl, clobUrl, timeoutMs: options.probeTimeoutMs ?? 2_500 });
    const reachable = await probe
      .listMarkets({ active: true, limit: 1, now: (options.now ?? (() => new Date()))() })
      .then(
        (markets) => markets.length > 0,
        () => false,
      );
    if (reachable) return real("Polymarket answered the probe");
  }
  const exchange = await startStandInExchange({ seed: 1, tickMs: options.simTickMs ?? 5_000 });
  return {
    marketData: createHttpMarketData({ gammaUrl: exchange.gammaUrl, clobUrl: exchange.clobUrl }),
    simulated: true,
    clobUrl: exchange.clobUrl,
    label: "SIMULATED markets (stand-in exchange, not real prices)",
    why: options.mode === "sim" ? "MARKET_DATA=sim" : "Polymarket did not answer the probe",
    close: () => exchange.close(),
  };
}
