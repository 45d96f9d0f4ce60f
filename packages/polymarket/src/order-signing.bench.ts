import { price, shares } from "@open-trade/risk-engine";
import { privateKeyToAccount } from "viem/accounts";
import { bench, describe } from "vitest";
import { createLiveExecution } from "./clob-live-execution.ts";
import { orderTypedData, unsignedOrderV2 } from "./order-typed-data.ts";

const KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d" as const;
const account = privateKeyToAccount(KEY);
// No network: market params come from memory and nothing is posted.
const live = createLiveExecution({
  clobUrl: "http://127.0.0.1:9",
  loadSecrets: async () => ({ privateKey: KEY }),
  marketParams: async () => ({
    conditionId: "0xc",
    tickSize: price("0.01"),
    minOrderSize: shares("5"),
    negRisk: false,
    fee: { rateBps: 0, exponent: 0 },
  }),
});

describe("order building and signing", () => {
  bench("EIP-712 V2 typed data + signature (viem)", async () => {
    const order = unsignedOrderV2({
      salt: "479249096354",
      maker: account.address,
      signer: account.address,
      tokenId: "1234",
      makerAmount: "5000000",
      takerAmount: "10000000",
      side: "BUY",
      timestamp: String(Date.now()),
      expiration: "0",
    });
    await account.signTypedData(orderTypedData(order, false, 137));
  });
  bench("prepareOrder end to end (amounts, key load, sign, id)", async () => {
    await live.prepareOrder({
      tokenId: "1234",
      side: "BUY",
      shares: shares("10"),
      limitPrice: price("0.5"),
      type: "GTC",
    });
  });
});
