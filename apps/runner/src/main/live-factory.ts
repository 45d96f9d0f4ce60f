import type { Database } from "@open-trade/db";
import { parseOpeningKeys } from "@open-trade/db/service";
import type { Execution } from "@open-trade/polymarket";
import type { RunnerEnv } from "../env.ts";
import { liveExecutionFor } from "../live/live-execution-for.ts";
import type { MarketDataSource } from "./pick-market-data.ts";

export class LiveUnavailableError extends Error {
  constructor(
    readonly code: "SIMULATED_MARKET_DATA" | "NO_KEYRING",
    message: string,
  ) {
    super(message);
    this.name = "LiveUnavailableError";
  }
}

/**
 * The runner's `live` dependency for `pnpm start`. Live orders need the credential private keys (to open a
 * user's keys per call) and real market data: a live order priced off simulated books would be a real
 * trade made on made-up prices, so that combination is refused with a message saying how to fix it.
 */
export function liveFactory(
  env: RunnerEnv,
  db: Database,
  source: MarketDataSource,
): (userId: string) => Promise<Execution> {
  if (source.simulated) {
    return () =>
      Promise.reject(
        new LiveUnavailableError(
          "SIMULATED_MARKET_DATA",
          "Live bots do not trade on SIMULATED market data; make Polymarket reachable or set the bot to paper.",
        ),
      );
  }
  if (!env.db.OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS) {
    return () =>
      Promise.reject(
        new LiveUnavailableError(
          "NO_KEYRING",
          "Live bots need OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS to open their owner's Polymarket keys; set it or use paper.",
        ),
      );
  }
  const opener = parseOpeningKeys(env.db.OPEN_TRADE_CREDENTIAL_PRIVATE_KEYS);
  return liveExecutionFor({ db, opener, clobUrl: source.clobUrl, marketData: source.marketData });
}
