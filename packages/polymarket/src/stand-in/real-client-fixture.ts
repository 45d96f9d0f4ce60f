// Test support: the only stand-in file that imports the vendor SDK. Tests drive the stand-in with the real
// @polymarket/clob-client-v2, so every request is built, signed and parsed by the vendor library and the
// tests prove wire compatibility rather than our own reading of the protocol.
import { ClobClient } from "@polymarket/clob-client-v2";
import { createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type { StandInExchange } from "./index.ts";

export { type ApiKeyCreds, ClobClient, OrderType, Side } from "@polymarket/clob-client-v2";

/** Well-known development keys (Hardhat accounts 0 and 1); they hold nothing anywhere. */
export const KEYS = [
  "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
] as const;

export const BOOK = {
  bids: [
    { price: "0.48", size: "100" },
    { price: "0.49", size: "50" },
  ],
  asks: [
    { price: "0.53", size: "100" },
    { price: "0.52", size: "40" },
  ],
};

/** A viem wallet client; its RPC transport points at a closed port because signing needs no chain. */
export const walletFor = (key: `0x${string}`) =>
  createWalletClient({ account: privateKeyToAccount(key), transport: http("http://127.0.0.1:9") });

/** An L2-ready client: credentials created (or derived) over L1 first, as a bot would. */
export async function clientFor(
  exchange: StandInExchange,
  key: `0x${string}`,
  options: { throwOnError?: boolean; retryOnError?: boolean } = {},
) {
  const signer = walletFor(key);
  const creds = await new ClobClient({ host: exchange.clobUrl, chain: 137, signer }).createOrDeriveApiKey();
  return {
    client: new ClobClient({ host: exchange.clobUrl, chain: 137, signer, creds, ...options }),
    creds,
    signer,
    address: signer.account.address,
  };
}
