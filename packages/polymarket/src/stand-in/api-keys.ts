import { keccak256, stringToHex } from "viem";
import type { ApiCredentials } from "./types.ts";

const digest = (label: string, address: string, nonce: bigint, salt: string): string =>
  keccak256(stringToHex(`open-trade-stand-in:${label}:${salt}:${address.toLowerCase()}:${nonce}`)).slice(2);

/**
 * L2 credentials derived from the wallet, the nonce and a per-exchange salt, as Polymarket derives keys
 * deterministically per wallet and nonce (which is why "derive" works at all).
 */
export function deriveCredentials(address: string, nonce: bigint, salt: string): ApiCredentials {
  const key = digest("key", address, nonce, salt);
  const apiKey = `${key.slice(0, 8)}-${key.slice(8, 12)}-4${key.slice(13, 16)}-a${key.slice(17, 20)}-${key.slice(20, 32)}`;
  const secret = Buffer.from(digest("secret", address, nonce, salt), "hex")
    .toString("base64")
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
  const passphrase = digest("passphrase", address, nonce, salt);
  return { apiKey, secret, passphrase, address: address.toLowerCase(), nonce };
}
