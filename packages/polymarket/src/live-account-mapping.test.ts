import { price, shares } from "@open-trade/risk-engine";
import { describe, expect, it } from "vitest";
import { toFills, toOpenOrder } from "./live-account-mapping.ts";
import { openOrderSchema, tradeSchema } from "./wire/clob-account.ts";

// Trade shape from the reference (V1 §3.10), as the CLOB returns it from /data/trades.
const trade = (patch: Record<string, unknown>) =>
  tradeSchema.parse({
    id: "t1",
    taker_order_id: "0xtaker",
    market: "0xm",
    asset_id: "7",
    side: "BUY",
    size: "10",
    fee_rate_bps: "0",
    price: "0.5",
    status: "MINED",
    match_time: "1672290701",
    last_update: "1672290701",
    outcome: "Yes",
    owner: "key",
    maker_address: "0xa",
    transaction_hash: "0x1",
    trader_side: "TAKER",
    maker_orders: [
      {
        order_id: "0xmine",
        owner: "me",
        maker_address: "0xb",
        matched_amount: "4",
        price: "0.49",
        asset_id: "7",
        outcome: "Yes",
        side: "SELL",
      },
      {
        order_id: "0xtheirs",
        owner: "other",
        maker_address: "0xc",
        matched_amount: "6",
        price: "0.5",
        asset_id: "7",
        outcome: "Yes",
        side: "SELL",
      },
    ],
    ...patch,
  });

describe("toFills", () => {
  it.each([
    ["we took", {}, [["0xtaker", shares("10"), price("0.5")]]],
    ["we made part of it", { trader_side: "MAKER", side: "SELL" }, [["0xmine", shares("4"), price("0.49")]]],
  ])("when %s then our share of the trade is reported", (_name, patch, expected) => {
    expect(toFills([trade(patch)], "me").map((f) => [f.orderId, f.shares, f.price])).toEqual(expected);
  });

  it("when the trade is read then its time is in milliseconds", () => {
    expect(toFills([trade({})], "me")[0]?.at).toBe(1_672_290_701_000);
  });
});

describe("toOpenOrder", () => {
  it.each([
    ["0", null],
    ["1900000060", 1_900_000_000_000],
  ])("when the exchange expiration is %s then expiresAt is %s", (expiration, expiresAt) => {
    const order = openOrderSchema.parse({
      id: "0x1",
      status: "LIVE",
      asset_id: "7",
      side: "buy",
      original_size: "10",
      size_matched: "2.5",
      price: "0.45",
      expiration,
      order_type: "GTD",
    });
    expect(toOpenOrder(order)).toMatchObject({ side: "BUY", matchedShares: shares("2.5"), expiresAt });
  });
});
