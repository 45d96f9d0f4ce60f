import { type Hex, recoverTypedDataAddress } from "viem";
import { EXCHANGE_MESSAGES, ExchangeError } from "./exchange-error.ts";

export type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

export const CLOB_AUTH_MESSAGE = "This message attests that I control the given wallet";
/** Header timestamps further than this from the server clock are refused (seconds). */
export const HEADER_TIME_TOLERANCE_S = 600;

export function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

const reject = (): never => {
  throw new ExchangeError(401, EXCHANGE_MESSAGES.invalidL1);
};

/** Checks the four POLY_* L1 headers: an EIP-712 ClobAuth signature by POLY_ADDRESS (reference V1 §2.1). */
export async function verifyL1(
  headers: HeaderBag,
  chainId: number,
  nowSeconds: number,
): Promise<{ address: string; nonce: bigint }> {
  const address = header(headers, "POLY_ADDRESS");
  const signature = header(headers, "POLY_SIGNATURE");
  const timestamp = header(headers, "POLY_TIMESTAMP");
  const nonceText = header(headers, "POLY_NONCE") ?? "0";
  if (!address || !signature || !timestamp || !/^0x[0-9a-fA-F]{40}$/.test(address)) return reject();
  if (!/^\d+$/.test(timestamp) || !/^\d+$/.test(nonceText)) return reject();
  if (Math.abs(Number(timestamp) - nowSeconds) > HEADER_TIME_TOLERANCE_S) return reject();
  const nonce = BigInt(nonceText);
  try {
    const recovered = await recoverTypedDataAddress({
      domain: { name: "ClobAuthDomain", version: "1", chainId },
      types: {
        ClobAuth: [
          { name: "address", type: "address" },
          { name: "timestamp", type: "string" },
          { name: "nonce", type: "uint256" },
          { name: "message", type: "string" },
        ],
      },
      primaryType: "ClobAuth",
      message: { address: address as Hex, timestamp, nonce, message: CLOB_AUTH_MESSAGE },
      signature: signature as Hex,
    });
    if (recovered.toLowerCase() !== address.toLowerCase()) return reject();
  } catch {
    return reject();
  }
  return { address: address.toLowerCase(), nonce };
}
