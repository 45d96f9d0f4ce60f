import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { deriveCredentials } from "./api-keys.ts";
import { ExchangeError } from "./exchange-error.ts";
import { CLOB_AUTH_MESSAGE, verifyL1 } from "./l1-auth.ts";
import { polyHmac, verifyL2 } from "./l2-auth.ts";
import { orderHash, recoverOrderSigner, signedOrderSchema } from "./order-signature.ts";

const HARDHAT_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const account = privateKeyToAccount(HARDHAT_KEY);
const NOW = 1_800_000_000;

const statusOf = async (run: () => unknown): Promise<number | undefined> => {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error instanceof ExchangeError ? error.status : -1;
  }
};

describe("polyHmac", () => {
  it("when given the client library's test vector then it reproduces the published signature", () => {
    const secret = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    expect(polyHmac(secret, "1000000", "test-sign", "/orders", '{"hash": "0x123"}')).toBe(
      "ZwAdJKvoYRlEKDkNMwd5BuwNNtg93kNaR_oU2HrfVvc=",
    );
  });
});

describe("verifyL2", () => {
  const creds = deriveCredentials(account.address, 0n, "test");
  const lookup = (key: string) => (key === creds.apiKey ? creds : undefined);
  const headersFor = (overrides: Record<string, string> = {}) => ({
    poly_address: account.address,
    poly_timestamp: String(NOW),
    poly_api_key: creds.apiKey,
    poly_passphrase: creds.passphrase,
    poly_signature: polyHmac(creds.secret, String(NOW), "POST", "/order", '{"a":1}'),
    ...overrides,
  });
  const request = (headers: Record<string, string>, rawBody = '{"a":1}') => ({
    headers,
    method: "POST",
    path: "/order",
    rawBody,
  });

  it("when the headers are right then the key's credentials come back", () => {
    expect(verifyL2(request(headersFor()), lookup, NOW).apiKey).toBe(creds.apiKey);
  });

  it.each([
    ["the body was changed", headersFor(), '{"a":2}'],
    ["the passphrase is wrong", headersFor({ poly_passphrase: "nope" }), '{"a":1}'],
    ["the api key is unknown", headersFor({ poly_api_key: "unknown" }), '{"a":1}'],
    ["the address is another wallet", headersFor({ poly_address: `0x${"1".repeat(40)}` }), '{"a":1}'],
    ["the timestamp is an hour old", headersFor({ poly_timestamp: String(NOW - 3600) }), '{"a":1}'],
    ["the signature header is missing", { ...headersFor(), poly_signature: "" }, '{"a":1}'],
  ])("when %s then it is rejected with 401", async (_name, headers, body) => {
    expect(await statusOf(() => verifyL2(request(headers, body), lookup, NOW))).toBe(401);
  });
});

describe("verifyL1", () => {
  const sign = (timestamp: string, nonce: bigint, chainId = 137) =>
    account.signTypedData({
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
      message: { address: account.address, timestamp, nonce, message: CLOB_AUTH_MESSAGE },
    });

  it("when the wallet signed ClobAuth then its address and nonce come back", async () => {
    const headers = {
      poly_address: account.address,
      poly_signature: await sign(String(NOW), 7n),
      poly_timestamp: String(NOW),
      poly_nonce: "7",
    };
    expect(await verifyL1(headers, 137, NOW)).toEqual({ address: account.address.toLowerCase(), nonce: 7n });
  });

  it.each([
    ["the nonce differs from the signed one", { nonce: "8" }],
    ["the chain differs", { chainId: 80002 }],
    ["the address is another wallet", { address: `0x${"2".repeat(40)}` }],
    ["the timestamp is stale", { timestamp: String(NOW - 7200) }],
  ])("when %s then it is rejected with 401", async (_name, change: Record<string, unknown>) => {
    const timestamp = (change.timestamp as string | undefined) ?? String(NOW);
    const headers = {
      poly_address: (change.address as string | undefined) ?? account.address,
      poly_signature: await sign(timestamp, 7n, (change.chainId as number | undefined) ?? 137),
      poly_timestamp: timestamp,
      poly_nonce: (change.nonce as string | undefined) ?? "7",
    };
    expect(await statusOf(() => verifyL1(headers, 137, NOW))).toBe(401);
  });
});

describe("order signature", () => {
  // Deterministic vector from the reference (V2 §3.6), produced by the real client package.
  const order = signedOrderSchema.parse({
    salt: 479249096354,
    maker: account.address,
    signer: account.address,
    tokenId: "1234",
    makerAmount: "100000000",
    takerAmount: "50000000",
    side: "BUY",
    signatureType: 0,
    timestamp: "1710000000000",
    expiration: "0",
    metadata: `0x${"0".repeat(64)}`,
    builder: `0x${"0".repeat(64)}`,
    signature:
      "0x42c7b4857d51e344045fcfde17b37cf1290d784471ffe618c22aa56ea5ddcf0009015b87ffb299813f5597e86d4ad56f40d634558d915edb719e6fc71dbc0d891c",
  });

  it.each([
    [false, "0x10124949f84e9f7438c88d02bfd546ceb27ed6eb1fdb0175137af535b6e2513d"],
    [true, "0x9c2976657c4b229cc8e467a32ce9e3281ef40a70aee31cdc4619ebf51e4a7274"],
  ])("when neg-risk is %s then the order hash matches the reference vector", (negRisk, expected) => {
    expect(orderHash(order, negRisk, 137)).toBe(expected);
  });

  it.each([
    [false, account.address.toLowerCase()],
    [true, "other"],
  ])(
    "when verified under neg-risk=%s then the signer recovers only under the signed domain",
    async (negRisk, who) => {
      const recovered = await recoverOrderSigner(order, negRisk, 137);
      expect(recovered === account.address.toLowerCase() ? account.address.toLowerCase() : "other").toBe(who);
    },
  );
});
