import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastPriceChange } from "./fast-price-change.ts";
import { wsPriceChangeEventSchema } from "./ws-market-event.ts";

const decimal = fc.oneof(
  fc.constantFrom(
    "0.5",
    ".48",
    "1",
    "0",
    "100.25",
    "0.000001",
    "1.5",
    "1e-3",
    "",
    "abc",
    "0.1234567",
    "-1",
    "5.",
  ),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 1e6).toString()),
);
const change = fc.record(
  {
    asset_id: fc.oneof(fc.constant("123"), fc.integer() as fc.Arbitrary<unknown>),
    price: decimal,
    size: decimal,
    side: fc.constantFrom("BUY", "SELL", "buy", "HOLD"),
    hash: fc.constantFrom("h", undefined),
    best_bid: fc.constantFrom("", "0.4", "x", undefined),
    best_ask: fc.constantFrom("", "0.6", undefined),
  },
  { requiredKeys: ["asset_id", "price", "size", "side"] },
);
const frame = fc.record({
  event_type: fc.constant("price_change"),
  market: fc.constant("0xm"),
  timestamp: fc.constantFrom("1757908892351", "soon"),
  price_changes: fc.array(change, { maxLength: 3 }),
});

describe("fastPriceChange", () => {
  it("when it accepts a frame then the zod schema gives exactly the same event", () => {
    fc.assert(
      fc.property(frame, (input) => {
        const fast = fastPriceChange(input);
        if (fast === null) return;
        expect(fast).toEqual(wsPriceChangeEventSchema.parse(input));
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ["an exponent price", { price: "1e-3" }],
    ["a price above 1", { price: "1.5" }],
    ["an unknown side", { side: "HOLD" }],
  ])("when a change has %s then it is left to the schema", (_name, patch) => {
    const input = {
      market: "0xm",
      timestamp: "1",
      price_changes: [{ asset_id: "1", price: "0.5", size: "1", side: "BUY", ...patch }],
    };
    expect(fastPriceChange(input)).toBeNull();
  });
});
