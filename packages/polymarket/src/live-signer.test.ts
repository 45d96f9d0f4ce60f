import { price, shares } from "@open-trade/risk-engine";
import { hashTypedData, recoverTypedDataAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it, vi } from "vitest";
import { createLiveExecution } from "./clob-live-execution.ts";
import type { OrderRequest } from "./execution.ts";
import { orderTypedData, type UnsignedOrderV2 } from "./order-typed-data.ts";

const derivations = vi.hoisted(() => ({ count: 0 }));
vi.mock("viem/accounts", async (importOriginal) => {
  const real = await importOriginal<typeof import("viem/accounts")>();
  return {
    ...real,
    privateKeyToAccount: (key: `0x${string}`) => {
      derivations.count += 1;
      return real.privateKeyToAccount(key);
    },
  };
});

const KEYS = [`0x${"11".repeat(32)}`, `0x${"22".repeat(32)}`] as const;
const REQUEST: OrderRequest = {
  tokenId: "1234",
  side: "BUY",
  shares: shares("10"),
  limitPrice: price("0.5"),
  type: "GTC",
};

function liveWith(keys: readonly `0x${string}`[]) {
  let call = 0;
  return createLiveExecution({
    clobUrl: "http://127.0.0.1:9",
    loadSecrets: async () => ({ privateKey: keys[Math.min(call++, keys.length - 1)] as `0x${string}` }),
    marketParams: async () => ({
      conditionId: "0xc",
      tickSize: price("0.01"),
      minOrderSize: shares("5"),
      negRisk: false,
      fee: { rateBps: 0, exponent: 0 },
    }),
  });
}

describe("live order signing", () => {
  it.each([
    ["the same key three times", [KEYS[0], KEYS[0], KEYS[0]], 1],
    ["a key rotated after the first order", [KEYS[0], KEYS[1], KEYS[1]], 2],
  ] as const)(
    "when orders are prepared with %s then the account is derived once per key",
    async (_n, keys, expected) => {
      const live = liveWith(keys);
      derivations.count = 0;
      for (let i = 0; i < 3; i++) expect((await live.prepareOrder(REQUEST)).ok).toBe(true);
      expect(derivations.count).toBe(expected);
    },
  );

  it("when an order is signed then its id is its EIP-712 digest and the signature recovers the maker", async () => {
    const prepared = await liveWith([KEYS[0]]).prepareOrder(REQUEST);
    if (!prepared.ok) throw new Error(prepared.failure.code);
    const typed = orderTypedData(prepared.value.payload as unknown as UnsignedOrderV2, false, 137);
    const signature = prepared.value.payload.signature as `0x${string}`;
    expect(prepared.value.orderId).toBe(hashTypedData(typed));
    expect(await recoverTypedDataAddress({ ...typed, signature })).toBe(privateKeyToAccount(KEYS[0]).address);
    expect(signature).toBe(await privateKeyToAccount(KEYS[0]).signTypedData(typed));
  });
});
