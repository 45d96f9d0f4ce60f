import { deriveCredentials } from "./api-keys.ts";
import { EXCHANGE_MESSAGES, ExchangeError } from "./exchange-error.ts";
import type { ExchangeState } from "./exchange-state.ts";
import type { Route } from "./router.ts";
import type { ApiCredentials } from "./types.ts";

const wire = (creds: ApiCredentials) => ({
  apiKey: creds.apiKey,
  secret: creds.secret,
  passphrase: creds.passphrase,
});

/**
 * API-key management. Create refuses an existing (wallet, nonce) key with the exchange's 400, which is what
 * makes clob-client's createOrDeriveApiKey fall back to derive (reference V1 §3.7).
 */
export function clobAuthRoutes(state: ExchangeState, salt: string): Route[] {
  const existing = (address: string, nonce: bigint) =>
    [...state.credentials.values()].find((creds) => creds.address === address && creds.nonce === nonce);
  return [
    {
      method: "POST",
      path: "/auth/api-key",
      auth: "l1",
      handle: ({ l1 }) => {
        if (existing(l1.address, l1.nonce)) throw new ExchangeError(400, EXCHANGE_MESSAGES.couldNotCreateKey);
        const creds = deriveCredentials(l1.address, l1.nonce, salt);
        state.credentials.set(creds.apiKey, creds);
        return wire(creds);
      },
    },
    {
      method: "GET",
      path: "/auth/derive-api-key",
      auth: "l1",
      handle: ({ l1 }) => {
        const creds = existing(l1.address, l1.nonce);
        if (!creds) throw new ExchangeError(400, EXCHANGE_MESSAGES.couldNotDeriveKey);
        return wire(creds);
      },
    },
    {
      method: "GET",
      path: "/auth/api-keys",
      auth: "l2",
      handle: ({ creds }) => ({
        apiKeys: [...state.credentials.values()]
          .filter((c) => c.address === creds.address)
          .map((c) => c.apiKey),
      }),
    },
    {
      method: "DELETE",
      path: "/auth/api-key",
      auth: "l2",
      handle: ({ creds }) => {
        state.credentials.delete(creds.apiKey);
        return "OK";
      },
    },
    {
      method: "GET",
      path: "/auth/ban-status/closed-only",
      auth: "l2",
      handle: () => ({ closed_only: false }),
    },
  ];
}
