import { price, shares, usd } from "@open-trade/risk-engine";
import { describe, expect, it } from "vitest";
import { PolymarketError } from "../polymarket-error.ts";
import {
  CLOB_BOOK,
  CLOB_MARKET_INFO,
  GAMMA_MARKET_ROW,
  WS_BOOK_EVENT,
  WS_LAST_TRADE_EVENT,
  WS_PRICE_CHANGE_EVENT,
} from "../testing/wire-samples.ts";
import { clobBookSchema } from "./clob-book.ts";
import { clobMarketInfoSchema } from "./clob-market-info.ts";
import { gammaMarketListSchema } from "./gamma-market.ts";
import { parseWire } from "./parse-wire.ts";
import { wsMarketEventSchema } from "./ws-market-event.ts";

function failure(run: () => unknown): PolymarketError {
  try {
    run();
  } catch (error) {
    if (error instanceof PolymarketError) return error;
    throw error;
  }
  throw new Error("expected a PolymarketError");
}

describe("real Polymarket shapes", () => {
  it("when a captured Gamma row is parsed then JSON-in-a-string fields and decimals are exact", () => {
    const [market] = parseWire(gammaMarketListSchema, [GAMMA_MARKET_ROW], "gamma");
    expect(market?.outcomes.map((o) => [o.outcome, o.price])).toEqual([
      ["Up", price("0.585")],
      ["Down", price("0.415")],
    ]);
    expect(market?.outcomes[1]?.tokenId).toBe(
      "10181859819235412241349111952383458602722012323104397550162049365057126390549",
    );
    expect(market?.liquidity).toBe(usd("20579.7452"));
    expect(market?.volume).toBe(usd("92509.470055"));
    expect(market?.tickSize).toBe(price("0.01"));
    expect(market?.minOrderSize).toBe(shares("5"));
    expect(market?.endDate?.toISOString()).toBe("2025-12-31T17:15:00.000Z");
  });

  it("when a keyset page wraps the rows then the same markets come out", () => {
    const page = parseWire(gammaMarketListSchema, { markets: [GAMMA_MARKET_ROW], next_cursor: "x" }, "gamma");
    expect(page.map((m) => m.id)).toEqual(["1066851"]);
  });

  it("when a captured CLOB book is parsed then levels keep wire order with exact values", () => {
    const book = parseWire(clobBookSchema, CLOB_BOOK, "book");
    expect(book.bids.at(-1)).toEqual({ price: price("0.49"), size: shares("50") });
    expect(book.asks.at(-1)).toEqual({ price: price("0.52"), size: shares("40") });
    expect([book.tickSize, book.minOrderSize, book.timestamp]).toEqual([
      price("0.01"),
      shares("5"),
      1757908892351,
    ]);
  });

  it("when clob market info carries fee data then the rate becomes whole basis points", () => {
    const info = parseWire(clobMarketInfoSchema, CLOB_MARKET_INFO, "info");
    expect(info.fee).toEqual({ rateBps: 700, exponent: 1 });
    expect([info.tickSize, info.negRisk, info.minOrderSize]).toEqual([price("0.01"), false, shares("5")]);
  });
});

describe("real market-channel events", () => {
  it("when the documented book event is parsed then leading-dot prices are exact", () => {
    const event = parseWire(wsMarketEventSchema, WS_BOOK_EVENT, "ws");
    expect(event.event_type === "book" && event.asks.at(-1)).toEqual({
      price: price("0.51"),
      size: shares("10"),
    });
  });

  it("when the documented price_change is parsed then the new aggregate size and best prices are exact", () => {
    const event = parseWire(wsMarketEventSchema, WS_PRICE_CHANGE_EVENT, "ws");
    expect(event.event_type === "price_change" && event.price_changes[0]).toMatchObject({
      price: price("0.5"),
      size: shares("200"),
      side: "BUY",
      best_bid: price("0.5"),
      best_ask: price("1"),
    });
  });

  it("when the documented last_trade_price is parsed then its 6-decimal size is exact", () => {
    const event = parseWire(wsMarketEventSchema, WS_LAST_TRADE_EVENT, "ws");
    expect(event.event_type === "last_trade_price" && [event.price, event.size]).toEqual([
      price("0.456"),
      shares("219.217767"),
    ]);
  });

  it.each([
    ["a lower-case side", { side: "sell" }, "SELL"],
    ["an upper-case side", { side: "SELL" }, "SELL"],
  ])("when a price change has %s then the side is normalised", (_name, patch, side) => {
    const change = { ...WS_PRICE_CHANGE_EVENT.price_changes[0], ...patch };
    const event = parseWire(wsMarketEventSchema, { ...WS_PRICE_CHANGE_EVENT, price_changes: [change] }, "ws");
    expect(event.event_type === "price_change" && event.price_changes[0]?.side).toBe(side);
  });

  it("when a price change size is a float exponent then the error names the field", () => {
    const change = { ...WS_PRICE_CHANGE_EVENT.price_changes[0], size: "2e2" };
    const error = failure(() =>
      parseWire(wsMarketEventSchema, { ...WS_PRICE_CHANGE_EVENT, price_changes: [change] }, "ws"),
    );
    expect([error.code, error.details.field]).toEqual(["MALFORMED_RESPONSE", "price_changes.0.size"]);
  });
});

describe.each([
  ["a price with an exponent", { ...CLOB_BOOK, bids: [{ price: "4.8e-1", size: "1" }] }, "bids.0.price"],
  ["a price above 1", { ...CLOB_BOOK, asks: [{ price: "1.5", size: "1" }] }, "asks.0.price"],
  ["a size with 7 decimals", { ...CLOB_BOOK, asks: [{ price: "0.5", size: "1.0000001" }] }, "asks.0.size"],
  ["a negative size", { ...CLOB_BOOK, bids: [{ price: "0.5", size: "-1" }] }, "bids.0.size"],
  ["bids in the wrong order", { ...CLOB_BOOK, bids: [...CLOB_BOOK.bids].reverse() }, "bids"],
  ["asks in the wrong order", { ...CLOB_BOOK, asks: [...CLOB_BOOK.asks].reverse() }, "asks"],
  ["a missing tick size", { ...CLOB_BOOK, tick_size: undefined }, "tick_size"],
  ["a non-numeric timestamp", { ...CLOB_BOOK, timestamp: "soon" }, "timestamp"],
])("a CLOB book with %s", (_name, payload, field) => {
  it("when parsed then MALFORMED_RESPONSE names the field", () => {
    const error = failure(() => parseWire(clobBookSchema, payload, "GET /book"));
    expect([error.code, error.details.field]).toEqual(["MALFORMED_RESPONSE", field]);
  });
});

describe.each([
  ["outcomes that are not JSON", { outcomes: "[Yes, No" }, "0.outcomes"],
  ["token ids that do not line up", { clobTokenIds: '["1"]' }, "0.clobTokenIds"],
  ["an outcome price that is not a decimal", { outcomePrices: '["abc", "0.4"]' }, "0.outcomePrices.0"],
  ["a liquidity that is not a number", { liquidity: "lots" }, "0.liquidity"],
  ["a condition id that is not hex", { conditionId: "0x12" }, "0.conditionId"],
  ["a tick size as a float exponent", { orderPriceMinTickSize: 1e-7 }, "0.orderPriceMinTickSize"],
])("a Gamma row with %s", (_name, patch, field) => {
  it("when parsed then MALFORMED_RESPONSE names the field", () => {
    const error = failure(() =>
      parseWire(gammaMarketListSchema, [{ ...GAMMA_MARKET_ROW, ...patch }], "gamma"),
    );
    expect([error.code, error.details.field]).toEqual(["MALFORMED_RESPONSE", field]);
  });
});

describe.each([
  ["a fee rate with 5 decimals", { fd: { r: 0.00005, e: 1 } }, "fd.r"],
  ["no tokens", { t: [] }, "t"],
  ["an invalid tick", { mts: "tick" }, "mts"],
])("clob market info with %s", (_name, patch, field) => {
  it("when parsed then MALFORMED_RESPONSE names the field", () => {
    const error = failure(() => parseWire(clobMarketInfoSchema, { ...CLOB_MARKET_INFO, ...patch }, "info"));
    expect([error.code, error.details.field]).toEqual(["MALFORMED_RESPONSE", field]);
  });
});
