import { type Hex, hashTypedData, recoverTypedDataAddress } from "viem";
import { z } from "zod";

export const EXCHANGE_V2 = "0xE111180000d2663C0091e4f400237545B87B996B";
export const NEG_RISK_EXCHANGE_V2 = "0xe2222d279d744050d28e00520010520000310F59";
export const NEG_RISK_ADAPTER = "0xd91E80cF2E7be2e162c6513ceD06f1dD0dA35296";

// The exchange's own copy of the V2 typed data, deliberately not imported from ../order-typed-data.ts: if the
// client and the stand-in shared one definition, a mistake in it would sign and verify alike and no test would see it.
const ORDER_V2_TYPES = {
  Order: [
    { name: "salt", type: "uint256" },
    { name: "maker", type: "address" },
    { name: "signer", type: "address" },
    { name: "tokenId", type: "uint256" },
    { name: "makerAmount", type: "uint256" },
    { name: "takerAmount", type: "uint256" },
    { name: "side", type: "uint8" },
    { name: "signatureType", type: "uint8" },
    { name: "timestamp", type: "uint256" },
    { name: "metadata", type: "bytes32" },
    { name: "builder", type: "bytes32" },
  ],
} as const;

const uint = z.string().regex(/^\d+$/);
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
const bytes32 = z
  .string()
  .regex(/^(0x[0-9a-fA-F]{64})?$/)
  .transform((value) => (value === "" ? `0x${"0".repeat(64)}` : value));

/** The V2 order as posted (reference V2 §3.5); `expiration` travels in the JSON but is not signed. */
export const signedOrderSchema = z.object({
  salt: z.union([z.number().int().nonnegative(), uint]).transform((value) => BigInt(value)),
  maker: address,
  signer: address,
  tokenId: uint,
  makerAmount: uint.transform(BigInt),
  takerAmount: uint.transform(BigInt),
  side: z.enum(["BUY", "SELL"]),
  signatureType: z.number().int().min(0).max(3),
  timestamp: uint,
  expiration: uint.default("0").transform(BigInt),
  metadata: bytes32,
  builder: bytes32,
  signature: z.string().regex(/^0x[0-9a-fA-F]+$/),
});
export type SignedOrder = z.infer<typeof signedOrderSchema>;

export const postedOrderSchema = z.object({
  order: signedOrderSchema,
  owner: z.string(),
  orderType: z.enum(["GTC", "GTD", "FOK", "FAK"]).default("GTC"),
  postOnly: z.boolean().default(false),
  deferExec: z.boolean().default(false),
});
export type PostedOrder = z.infer<typeof postedOrderSchema>;

/** Fields only a V1 order body carries: their presence means the client signed the old version. */
export function isV1Body(body: unknown): boolean {
  const order = (body as { order?: Record<string, unknown> } | null)?.order;
  return (
    typeof order === "object" &&
    order !== null &&
    ("taker" in order || "nonce" in order || "feeRateBps" in order)
  );
}

/** The EIP-712 payload of a V2 order, under the standard or neg-risk exchange domain. */
export function orderTypedData(order: SignedOrder, negRisk: boolean, chainId: number) {
  return {
    domain: {
      name: "Polymarket CTF Exchange",
      version: "2",
      chainId,
      verifyingContract: (negRisk ? NEG_RISK_EXCHANGE_V2 : EXCHANGE_V2) as Hex,
    },
    types: ORDER_V2_TYPES,
    primaryType: "Order" as const,
    message: {
      salt: order.salt,
      maker: order.maker as Hex,
      signer: order.signer as Hex,
      tokenId: BigInt(order.tokenId),
      makerAmount: order.makerAmount,
      takerAmount: order.takerAmount,
      side: order.side === "BUY" ? 0 : 1,
      signatureType: order.signatureType,
      timestamp: BigInt(order.timestamp),
      metadata: order.metadata as Hex,
      builder: order.builder as Hex,
    },
  };
}

/** The order id the exchange returns: the EIP-712 digest under the exchange the SERVER says the token uses. */
export function orderHash(order: SignedOrder, negRisk: boolean, chainId: number): string {
  return hashTypedData(orderTypedData(order, negRisk, chainId));
}

/** Lower-cased address that produced the signature, or null when it does not recover. */
export async function recoverOrderSigner(
  order: SignedOrder,
  negRisk: boolean,
  chainId: number,
): Promise<string | null> {
  try {
    const recovered = await recoverTypedDataAddress({
      ...orderTypedData(order, negRisk, chainId),
      signature: order.signature as Hex,
    });
    return recovered.toLowerCase();
  } catch {
    return null;
  }
}
