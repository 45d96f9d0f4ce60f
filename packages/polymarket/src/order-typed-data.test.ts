import { describe, expect, it } from "vitest";
import { orderHash, unsignedOrderV2 } from "./order-typed-data.ts";

// Deterministic vector from the reference (clob-v2 §3.6), reproduced there by the official package.
const VECTOR = unsignedOrderV2({
  salt: "479249096354",
  maker: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  signer: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  tokenId: "1234",
  makerAmount: "100000000",
  takerAmount: "50000000",
  side: "BUY",
  timestamp: "1710000000000",
  expiration: "0",
});

describe("orderHash", () => {
  it.each([
    [false, "0x10124949f84e9f7438c88d02bfd546ceb27ed6eb1fdb0175137af535b6e2513d"],
    [true, "0x9c2976657c4b229cc8e467a32ce9e3281ef40a70aee31cdc4619ebf51e4a7274"],
  ])(
    "when the reference order is hashed with negRisk=%s then it matches the official digest",
    (negRisk, hash) => {
      expect(orderHash(VECTOR, negRisk, 137)).toBe(hash);
    },
  );

  it("when only the unsigned expiration changes then the identity stays the same", () => {
    expect(orderHash({ ...VECTOR, expiration: "1900000000" }, false, 137)).toBe(
      orderHash(VECTOR, false, 137),
    );
  });
});
