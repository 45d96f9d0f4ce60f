import { MICROS, price, shares } from "@open-trade/risk-engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OrderRequest } from "./execution.ts";
import { orderAmounts } from "./order-amounts.ts";

const RULES = { tickSize: price("0.01"), minOrderSize: shares("5") };
const request = (patch: Partial<OrderRequest>): OrderRequest => ({
  tokenId: "1",
  side: "BUY",
  shares: shares("10"),
  limitPrice: price("0.5"),
  type: "GTC",
  ...patch,
});

describe("orderAmounts", () => {
  it.each([
    ["a GTC BUY 10 @ 0.50", {}, [5_000_000n, 10_000_000n, price("0.5")]],
    [
      "a GTC SELL 7.777 @ 0.123 (size cut, price up)",
      { side: "SELL", shares: shares("7.777"), limitPrice: price("0.123") },
      [7_770_000n, 1_010_100n, price("0.13")],
    ],
    [
      "a GTC BUY at 0.519 (price down)",
      { limitPrice: price("0.519") },
      [5_100_000n, 10_000_000n, price("0.51")],
    ],
    [
      "a FOK BUY 10.37 @ 0.53",
      { type: "FOK", shares: shares("10.37") },
      [5_180_000n, 10_360_000n, price("0.5")],
    ],
    [
      "a FOK BUY 8.92 @ 0.56 (cut to 8.75, the largest size costing whole cents)",
      { type: "FOK", shares: shares("8.92"), limitPrice: price("0.56") },
      [4_900_000n, 8_750_000n, price("0.56")],
    ],
    [
      "a FAK SELL 15 @ 0.49",
      { type: "FAK", side: "SELL", shares: shares("15"), limitPrice: price("0.49") },
      [15_000_000n, 7_350_000n, price("0.49")],
    ],
  ] as const)("when %s then maker, taker and price are exact", (_name, patch, [maker, taker, p]) => {
    const result = orderAmounts(request(patch as Partial<OrderRequest>), RULES);
    expect(result.ok && [result.value.makerAmount, result.value.takerAmount, result.value.price]).toEqual([
      maker,
      taker,
      p,
    ]);
  });

  it.each([
    ["a price of 0.999 at tick 0.01", { limitPrice: price("0.999"), side: "SELL" as const }],
    ["a price below one tick", { limitPrice: price("0.005") }],
    ["a GTC size under the minimum", { shares: shares("4.99") }],
    ["a size that rounds to zero", { type: "FOK" as const, shares: shares("0.004") }],
    ["a post-only FOK (the exchange refuses it)", { type: "FOK" as const, postOnly: true }],
    [
      "a market buy smaller than its whole-cent step",
      { type: "FOK" as const, shares: shares("0.99"), limitPrice: price("0.53") },
    ],
  ])("when %s then INVALID_ORDER", (_name, patch) => {
    const result = orderAmounts(request(patch), RULES);
    expect(result.ok || result.failure.code).toBe("INVALID_ORDER");
  });

  it("when any market BUY is built then its implied price never exceeds the limit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 100, max: 10_000_000 }),
        (cents, hundredths) => {
          const limit = price(`0.${String(cents).padStart(2, "0")}`);
          const result = orderAmounts(
            request({ type: "FOK", limitPrice: limit, shares: shares(`${hundredths / 100}`) }),
            RULES,
          );
          if (!result.ok) return true;
          const { makerAmount, takerAmount } = result.value;
          const asked = shares(`${hundredths / 100}`);
          // No larger size on the 0.01 grid, up to what was asked, would also cost whole cents.
          let larger = takerAmount + 10_000n;
          while (larger <= asked && (larger * limit) % (MICROS * 10_000n) !== 0n) larger += 10_000n;
          return (
            makerAmount * MICROS === limit * takerAmount &&
            makerAmount % 10_000n === 0n &&
            takerAmount <= asked &&
            larger > asked
          );
        },
      ),
    );
  });
});
