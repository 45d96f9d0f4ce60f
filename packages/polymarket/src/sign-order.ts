import { randomInt } from "node:crypto";
import { formatPrice, formatShares } from "@open-trade/risk-engine";
import { hashTypedData } from "viem";
import type { PrivateKeyAccount } from "viem/accounts";
import type { ExecutionFailure, OrderRequest, PreparedOrder, PrepareOptions } from "./execution.ts";
import type { MarketParams } from "./market-data.ts";
import { orderAmounts } from "./order-amounts.ts";
import { orderTypedData, unsignedOrderV2 } from "./order-typed-data.ts";

// Polymarket keeps GTD orders until one minute before `expiration`, so the signed value carries that margin.
export const GTD_MARGIN_S = 60;

export interface SignInput {
  readonly account: PrivateKeyAccount;
  readonly request: OrderRequest;
  readonly params: MarketParams;
  readonly prepare: PrepareOptions;
  readonly chainId: number;
  readonly nowMs: number;
}

type Signed = { ok: true; value: PreparedOrder } | { ok: false; failure: ExecutionFailure };

/**
 * Builds the exact V2 order, signs it locally and derives its id (the EIP-712 digest) before anything is
 * sent. Salt and timestamp may be fixed by the caller so that a retry re-derives the same id.
 */
export async function signOrder({
  account,
  request,
  params,
  prepare,
  chainId,
  nowMs,
}: SignInput): Promise<Signed> {
  if (request.type === "GTD" && request.expiresAt === undefined) {
    return {
      ok: false,
      failure: { code: "INVALID_ORDER", message: "A GTD order needs expiresAt; give one or use GTC." },
    };
  }
  const amounts = orderAmounts(request, params);
  if (!amounts.ok) return amounts;
  const salt = prepare.salt ?? BigInt(randomInt(2 ** 47));
  if (salt < 0n || salt > BigInt(Number.MAX_SAFE_INTEGER)) {
    return {
      ok: false,
      failure: {
        code: "INVALID_ORDER",
        message: "The salt must be between 0 and 2^53-1 because the exchange reads it as a JSON number.",
      },
    };
  }
  const unsigned = unsignedOrderV2({
    salt: salt.toString(),
    maker: account.address,
    signer: account.address,
    tokenId: request.tokenId,
    makerAmount: amounts.value.makerAmount.toString(),
    takerAmount: amounts.value.takerAmount.toString(),
    side: request.side,
    timestamp: String(prepare.timestampMs ?? nowMs),
    expiration: request.expiresAt
      ? String(Math.floor(request.expiresAt.getTime() / 1000) + GTD_MARGIN_S)
      : "0",
  });
  // The digest is both the order id and what signTypedData would sign: hash once, sign the hash.
  const orderId = hashTypedData(orderTypedData(unsigned, params.negRisk, chainId));
  const signature = await account.sign({ hash: orderId });
  return {
    ok: true,
    value: {
      orderId,
      mode: "live",
      tokenId: request.tokenId,
      side: request.side,
      type: request.type,
      shares: formatShares(amounts.value.shares),
      limitPrice: formatPrice(amounts.value.price),
      expiresAt: request.expiresAt?.getTime() ?? null,
      negRisk: params.negRisk,
      postOnly: request.postOnly === true,
      payload: { ...unsigned, signature },
    },
  };
}
