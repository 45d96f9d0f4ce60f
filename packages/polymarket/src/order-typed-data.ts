import { type Hex, hashTypedData } from "viem";

/** CTF Exchange V2 contracts (same addresses on Polygon and Amoy); neg-risk markets settle on their own one. */
export const EXCHANGE_V2 = "0xE111180000d2663C0091e4f400237545B87B996B" as const;
export const NEG_RISK_EXCHANGE_V2 = "0xe2222d279d744050d28e00520010520000310F59" as const;
const ZERO_BYTES32 = `0x${"0".repeat(64)}` as Hex;

export const ORDER_V2_TYPES = {
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

/** The V2 order as the official client serialises it before signing (every number a decimal string). */
export interface UnsignedOrderV2 {
  readonly salt: string;
  readonly maker: Hex;
  readonly signer: Hex;
  readonly tokenId: string;
  readonly makerAmount: string;
  readonly takerAmount: string;
  readonly side: "BUY" | "SELL";
  readonly signatureType: number;
  readonly timestamp: string;
  /** Not signed; travels in the JSON only (unix seconds, "0" for none). */
  readonly expiration: string;
  readonly metadata: Hex;
  readonly builder: Hex;
}

export function unsignedOrderV2(
  fields: Omit<UnsignedOrderV2, "metadata" | "builder" | "signatureType">,
): UnsignedOrderV2 {
  return { ...fields, signatureType: 0, metadata: ZERO_BYTES32, builder: ZERO_BYTES32 };
}

/** EIP-712 typed data of a V2 order; its digest is the order id the exchange reports. */
export function orderTypedData(order: UnsignedOrderV2, negRisk: boolean, chainId: number) {
  return {
    domain: {
      name: "Polymarket CTF Exchange",
      version: "2",
      chainId,
      verifyingContract: negRisk ? NEG_RISK_EXCHANGE_V2 : EXCHANGE_V2,
    },
    types: ORDER_V2_TYPES,
    primaryType: "Order" as const,
    message: {
      salt: BigInt(order.salt),
      maker: order.maker,
      signer: order.signer,
      tokenId: BigInt(order.tokenId),
      makerAmount: BigInt(order.makerAmount),
      takerAmount: BigInt(order.takerAmount),
      side: order.side === "BUY" ? 0 : 1,
      signatureType: order.signatureType,
      timestamp: BigInt(order.timestamp),
      metadata: order.metadata,
      builder: order.builder,
    },
  };
}

export function orderHash(order: UnsignedOrderV2, negRisk: boolean, chainId: number): Hex {
  return hashTypedData(orderTypedData(order, negRisk, chainId));
}
