import { type Price, price, type Shares, shares, sharesFor, usd } from "@open-trade/risk-engine";
import { OrderBuilder, OrderType, Side, type TickSize } from "@polymarket/clob-client-v2";
import fc from "fast-check";
import { createWalletClient, custom } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import type { OrderRequest } from "./execution.ts";
import { orderAmounts } from "./order-amounts.ts";

// The official client's own order builder, offline: it signs locally and never needs a transport.
const builder = new OrderBuilder(
  createWalletClient({
    account: privateKeyToAccount(`0x${"11".repeat(32)}`),
    transport: custom({ request: () => Promise.reject(new Error("offline")) }),
  }),
  137,
);

type Case = readonly [
  side: "BUY" | "SELL",
  type: "FOK" | "GTC",
  amount: string,
  limit: string,
  tick: TickSize,
];

async function official([side, type, amount, limit, tick]: Case): Promise<[bigint, bigint]> {
  const order =
    type === "FOK"
      ? await builder.buildMarketOrder(
          {
            tokenID: "1",
            side: side === "BUY" ? Side.BUY : Side.SELL,
            amount: Number(amount),
            price: Number(limit),
            orderType: OrderType.FOK,
          },
          { tickSize: tick, negRisk: false },
          2,
        )
      : await builder.buildOrder(
          {
            tokenID: "1",
            side: side === "BUY" ? Side.BUY : Side.SELL,
            size: Number(amount),
            price: Number(limit),
          },
          { tickSize: tick, negRisk: false },
          2,
        );
  return [BigInt(order.makerAmount), BigInt(order.takerAmount)];
}

/** Ours for the same input: a USD market buy asks for what the amount buys at the limit, as the runner does. */
function ours([side, type, amount, limit, tick]: Case): [bigint, bigint] | string {
  const limitPrice: Price = price(limit);
  const size: Shares = side === "BUY" && type === "FOK" ? sharesFor(usd(amount), limitPrice) : shares(amount);
  const request: OrderRequest = { tokenId: "1", side, type, shares: size, limitPrice };
  const result = orderAmounts(request, { tickSize: price(tick), minOrderSize: shares("0.01") });
  return result.ok ? [result.value.makerAmount, result.value.takerAmount] : result.failure.message;
}

const TICK_PRICES: ReadonlyArray<readonly [TickSize, readonly string[]]> = [
  ["0.1", ["0.1", "0.3", "0.7", "0.9"]],
  ["0.01", ["0.01", "0.07", "0.33", "0.5", "0.56", "0.99"]],
  ["0.005", ["0.005", "0.135", "0.52", "0.995"]],
  ["0.001", ["0.001", "0.029", "0.333", "0.523", "0.777", "0.999"]],
  ["0.0025", ["0.0025", "0.3325", "0.5", "0.9975"]],
  ["0.0001", ["0.0001", "0.0777", "0.5231", "0.9999"]],
];
const AMOUNTS = ["0.01", "0.99", "5", "13.37", "123.45", "2500"];

const CASES: Case[] = TICK_PRICES.flatMap(([tick, prices]) =>
  prices.flatMap((limit) =>
    AMOUNTS.flatMap((amount) =>
      (["BUY", "SELL"] as const).flatMap((side) =>
        (["FOK", "GTC"] as const).map((type): Case => [side, type, amount, limit, tick]),
      ),
    ),
  ),
);

describe("orderAmounts against @polymarket/clob-client-v2's OrderBuilder", () => {
  it.each([
    [["BUY", "FOK", "5", "0.523", "0.001"] as Case, [5_000_000n, 9_560_220n]],
    [["BUY", "FOK", "20", "0.523", "0.001"] as Case, [20_000_000n, 38_240_910n]],
  ])("when a market buy of %j is built then it spends what was asked", async (input, expected) => {
    expect(ours(input)).toEqual(expected);
    expect(await official(input)).toEqual(expected);
  });

  it(`when the same ${CASES.length} orders are built by both then maker and taker amounts are equal`, async () => {
    const differing: string[] = [];
    for (const input of CASES) {
      const [a, b] = [ours(input), await official(input)];
      if (JSON.stringify(a, (_k, v) => String(v)) !== JSON.stringify(b, (_k, v) => String(v)))
        differing.push(`${input.join(" ")}: ours ${String(a)}, official ${String(b)}`);
    }
    expect(differing).toEqual([]);
    // The client signs each of the 672 orders; on a saturated 2-core machine that took 22 s.
  }, 120_000);

  it("when random whole-cent market buys are built by both then they agree but for the client's float error", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 999 }),
        async (cents, mils) => {
          const input: Case = ["BUY", "FOK", (cents / 100).toFixed(2), (mils / 1000).toFixed(3), "0.001"];
          const [maker, taker] = ours(input) as [bigint, bigint];
          const [theirMaker, theirTaker] = await official(input);
          // The client divides in floats: $9,999.88 / 0.001 = 9999879.999999998 there, so it can sign one
          // unit of the amount decimals (10 micro-shares at this tick) off the exact quotient we sign.
          const exact = (maker * 1_000_000n) / price(input[3]);
          const unit = (x: bigint) => x === 0n || x === 10n || x === -10n;
          expect([maker, unit(taker - (exact / 10n) * 10n), unit(taker - theirTaker)]).toEqual([
            theirMaker,
            true,
            true,
          ]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("when $9,999.88 is spent at 0.001 then ours is the exact 9,999,880 shares, the client's one unit less", async () => {
    const input: Case = ["BUY", "FOK", "9999.88", "0.001", "0.001"];
    expect([ours(input), await official(input)]).toEqual([
      [9_999_880_000n, 9_999_880_000_000n],
      [9_999_880_000n, 9_999_879_999_990n],
    ]);
  });
});
