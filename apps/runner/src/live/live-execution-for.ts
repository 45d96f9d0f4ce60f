import type { Database } from "@open-trade/db";
import {
  asService,
  type CredentialOpener,
  loadCredentials,
  saveDerivedCredentials,
} from "@open-trade/db/service";
import { createLiveExecution, type Execution, type MarketData } from "@open-trade/polymarket";
import { credentialId } from "../store/bots.ts";

/** Thrown when a live bot's owner has stored no credentials; the message says what to do. */
export class MissingCredentialsError extends Error {
  constructor() {
    super(
      "This live bot's owner has stored no Polymarket credentials; add them in settings or switch the bot to paper.",
    );
    this.name = "MissingCredentialsError";
  }
}

/**
 * The runner's `live` dependency: one live Execution per user whose secrets are opened from
 * `api_credentials` only inside `loadSecrets`, i.e. per exchange call, and dropped when it returns.
 * L2 credentials the exchange had to create or derive are kept, sealed, so later calls skip that round trip.
 */
export function liveExecutionFor(options: {
  readonly db: Database;
  readonly opener: CredentialOpener;
  readonly clobUrl: string;
  readonly marketData: MarketData;
}): (userId: string) => Promise<Execution> {
  return async (userId) => {
    const id = await asService(options.db, (tx) => credentialId(tx, userId));
    if (!id) throw new MissingCredentialsError();
    const row = { id };
    return createLiveExecution({
      clobUrl: options.clobUrl,
      marketParams: (tokenId) => options.marketData.getMarketParams(tokenId),
      book: (tokenId) => options.marketData.getOrderBook(tokenId),
      loadSecrets: async () => {
        const stored = await asService(options.db, (tx) => loadCredentials(tx, options.opener, row.id));
        const privateKey = (
          stored.privateKey.startsWith("0x") ? stored.privateKey : `0x${stored.privateKey}`
        ) as `0x${string}`;
        return stored.apiKey && stored.apiSecret && stored.passphrase
          ? {
              privateKey,
              apiCredentials: { key: stored.apiKey, secret: stored.apiSecret, passphrase: stored.passphrase },
            }
          : { privateKey };
      },
      saveApiCredentials: async ({ key, secret, passphrase }) => {
        // Only an optimisation: if keeping them fails, the next call derives them again.
        await asService(options.db, (tx) =>
          saveDerivedCredentials(
            tx,
            options.opener.active,
            { id: row.id, userId },
            { apiKey: key, apiSecret: secret, passphrase },
          ),
        ).catch(() => false);
      },
    });
  };
}
