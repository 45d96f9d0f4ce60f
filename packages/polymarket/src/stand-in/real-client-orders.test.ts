import { bookFromWire, price, shares, walkBook } from "@open-trade/risk-engine";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type StandInExchange, type StandInMarket, startStandInExchange } from "./index.ts";
import { BOOK, clientFor as clientOn, KEYS, OrderType, Side } from "./real-client-fixture.ts";

let exchange: StandInExchange;
let market: StandInMarket;
let negRisk: StandInMarket;
let yes: string;

const clientFor = (key: `0x${string}`) => clientOn(exchange, key);

beforeAll(async () => {
  exchange = await startStandInExchange({ simulate: false, seed: 3 });
});

afterAll(async () => {
  await exchange.close();
});

beforeEach(() => {
  exchange.clearFaults();
  market = exchange.addMarket({ question: "Will it rain?", category: "Science", feeRateBps: 0 }, BOOK);
  negRisk = exchange.addMarket({ question: "Will Ada win?", category: "Politics", negRisk: true }, BOOK);
  yes = market.tokens[0]?.tokenId ?? "";
});

describe("orders through the real client", () => {
  it("when a GTC buy is below the best ask then it rests, is listed, and cancels", async () => {
    const { client } = await clientFor(KEYS[0]);
    const placed = await client.createAndPostOrder({ tokenID: yes, price: 0.45, size: 10, side: Side.BUY });
    expect(placed).toMatchObject({ success: true, status: "live", tradeIDs: [] });
    const open = await client.getOpenOrders({ asset_id: yes });
    expect(open.map((order) => [order.id, order.price, order.original_size])).toEqual([
      [placed.orderID, "0.45", "10"],
    ]);
    expect(exchange.inspect.book(yes).bids.at(-2)).toEqual({ price: "0.48", size: "100" });
    expect(await client.cancelOrder({ orderID: placed.orderID })).toEqual({
      canceled: [placed.orderID],
      not_canceled: {},
    });
    expect((await client.getOrder(placed.orderID)).status).toBe("CANCELED");
  });

  it.each([
    ["a GTC buy crossing the ask", OrderType.GTC, { price: 0.53, size: 10 }, "5200000", "10000000"],
    ["a GTD buy crossing the ask", OrderType.GTD, { price: 0.52, size: 40 }, "20800000", "40000000"],
  ])(
    "when %s then it matches at the resting price and reports amounts",
    async (_name, type, order, making, taking) => {
      const { client } = await clientFor(KEYS[0]);
      const expiration = Math.floor(Date.now() / 1000) + 600;
      const placed = await client.createAndPostOrder(
        { tokenID: yes, side: Side.BUY, ...order, ...(type === OrderType.GTD ? { expiration } : {}) },
        undefined,
        type as OrderType.GTC,
      );
      expect(placed).toMatchObject({ status: "matched", makingAmount: making, takingAmount: taking });
      expect(placed.transactionsHashes).toHaveLength(1);
      const trades = await client.getTrades({ asset_id: yes });
      expect(trades.map((trade) => [trade.taker_order_id, trade.price, trade.trader_side])).toContainEqual([
        placed.orderID,
        "0.52",
        "TAKER",
      ]);
    },
  );

  it("when a FOK market buy fits the book then it fills completely at the best prices", async () => {
    const { client } = await clientFor(KEYS[0]);
    const placed = await client.createAndPostMarketOrder({ tokenID: yes, amount: 20, side: Side.BUY });
    // 40 @ 0.52 costs 20.80 > 20, so $20 buys 38.461538 shares at 0.52
    expect(placed).toMatchObject({ status: "matched", makingAmount: "20000000", takingAmount: "38461538" });
  });

  it("when a FOK buy is larger than the book then it is killed with the exchange's 400 and the book is untouched", async () => {
    const { client } = await clientFor(KEYS[0]);
    const order = await client.createMarketOrder({ tokenID: yes, amount: 500, side: Side.BUY, price: 0.53 });
    const result = await client.postOrder(order, OrderType.FOK);
    expect(result).toMatchObject({
      status: 400,
      error: "order couldn't be fully filled. FOK orders are fully filled or killed.",
    });
    expect(exchange.inspect.book(yes).asks).toEqual(BOOK.asks);
  });

  it("when a FAK sell is larger than the bids in range then it fills what it can and kills the rest", async () => {
    const { client, signer } = await clientFor(KEYS[0]);
    exchange.setPosition(signer.account.address, yes, "500");
    const order = await client.createMarketOrder({ tokenID: yes, amount: 200, side: Side.SELL, price: 0.48 });
    const placed = await client.postOrder(order, OrderType.FAK);
    expect(placed).toMatchObject({ status: "matched", makingAmount: "150000000", takingAmount: "72500000" });
    expect(exchange.inspect.book(yes).bids).toEqual([]);
  });

  it("when a FAK finds nothing to match then the exchange's FAK error comes back", async () => {
    const { client, signer } = await clientFor(KEYS[0]);
    exchange.setPosition(signer.account.address, yes, "10");
    const order = await client.createMarketOrder({ tokenID: yes, amount: 10, side: Side.SELL, price: 0.6 });
    expect(await client.postOrder(order, OrderType.FAK)).toMatchObject({ status: 400 });
  });

  it("when the same signed order is posted twice then the second is a duplicate", async () => {
    const { client } = await clientFor(KEYS[0]);
    const order = await client.createOrder({ tokenID: yes, price: 0.4, size: 10, side: Side.BUY });
    const first = await client.postOrder(order, OrderType.GTC);
    const second = await client.postOrder(order, OrderType.GTC);
    expect(second).toMatchObject({ status: 400, error: `order ${first.orderID} is invalid. Duplicated.` });
  });

  it("when a signed order is altered after signing then its signature is rejected", async () => {
    const { client } = await clientFor(KEYS[0]);
    const order = await client.createOrder({ tokenID: yes, price: 0.4, size: 10, side: Side.BUY });
    const tampered = { ...order, takerAmount: "20000000" };
    expect(await client.postOrder(tampered, OrderType.GTC)).toMatchObject({
      status: 400,
      error: "invalid signature",
    });
  });

  it.each([
    ["the server's neg-risk flag (neg-risk exchange domain)", undefined, "live"],
    ["a wrong negRisk=false option (standard exchange domain)", { negRisk: false }, undefined],
  ])(
    "when a neg-risk order is signed with %s then the outcome follows the domain",
    async (_name, options, status) => {
      const { client } = await clientFor(KEYS[0]);
      const token = negRisk.tokens[0]?.tokenId ?? "";
      const order = await client.createOrder(
        { tokenID: token, price: 0.4, size: 10, side: Side.BUY },
        options,
      );
      const placed = await client.postOrder(order, OrderType.GTC);
      expect((placed as { status?: unknown }).status).toBe(status ?? 400);
    },
  );

  it("when a batch mixes a good and a killed order then each gets its own result", async () => {
    const { client } = await clientFor(KEYS[0]);
    const good = await client.createOrder({ tokenID: yes, price: 0.3, size: 10, side: Side.BUY });
    const killed = await client.createMarketOrder({
      tokenID: yes,
      amount: 1000,
      side: Side.BUY,
      price: 0.53,
    });
    const results = await client.postOrders([
      { order: good, orderType: OrderType.GTC },
      { order: killed, orderType: OrderType.FOK },
    ]);
    expect(results.map((result: { success: boolean }) => result.success)).toEqual([true, false]);
  });

  it("when a resting order is crossed by a later order from another account then both sides settle", async () => {
    const maker = await clientFor(KEYS[0]);
    const taker = await clientFor(KEYS[1]);
    exchange.setPosition(taker.signer.account.address, yes, "10");
    const rest = await maker.client.createAndPostOrder({
      tokenID: yes,
      price: 0.5,
      size: 10,
      side: Side.BUY,
    });
    const hit = await taker.client.createAndPostOrder({
      tokenID: yes,
      price: 0.5,
      size: 10,
      side: Side.SELL,
    });
    expect(hit.status).toBe("matched");
    expect((await maker.client.getOrder(rest.orderID)).status).toBe("MATCHED");
    const makerTrades = await maker.client.getTrades({ asset_id: yes });
    expect(makerTrades.find((trade) => trade.taker_order_id === hit.orderID)?.trader_side).toBe("MAKER");
    expect(exchange.inspect.balance(taker.signer.account.address).positions[yes]).toBe("0");
  });

  it.each([
    [
      "smaller than the market minimum",
      { price: 0.4, size: 2 },
      false,
      /Size \(2\) lower than the minimum: 5$/,
    ],
    [
      "post-only but crossing the ask",
      { price: 0.53, size: 10 },
      true,
      /^invalid post-only order: order crosses book$/,
    ],
  ])("when an order is %s then the exchange refuses it", async (_name, order, postOnly, error) => {
    const { client } = await clientFor(KEYS[0]);
    const placed = await client.createAndPostOrder(
      { tokenID: yes, side: Side.BUY, ...order },
      undefined,
      OrderType.GTC,
      postOnly,
    );
    expect(placed).toMatchObject({ status: 400, error: expect.stringMatching(error) });
  });

  it("when the tick widens after the client cached the old one then an off-tick price is refused", async () => {
    const fine = exchange.addMarket({ question: "Tick?", category: "Crypto", tickSize: "0.001" }, BOOK);
    const token = fine.tokens[0]?.tokenId ?? "";
    const { client } = await clientFor(KEYS[0]);
    await client.getTickSize(token);
    exchange.setTickSize(fine.conditionId, "0.01");
    const placed = await client.createAndPostOrder({
      tokenID: token,
      price: 0.415,
      size: 10,
      side: Side.BUY,
    });
    expect(placed).toMatchObject({
      status: 400,
      error: expect.stringMatching(/Price \(0\.415\) breaks minimum tick size rule: 0\.01$/),
    });
  });

  it("when the account cannot pay then the order is refused with not enough balance", async () => {
    const { client, signer } = await clientFor(KEYS[0]);
    exchange.setBalance(signer.account.address, "1");
    const placed = await client.createAndPostOrder({ tokenID: yes, price: 0.45, size: 10, side: Side.BUY });
    expect(placed).toMatchObject({ status: 400, error: "not enough balance / allowance" });
    exchange.setBalance(signer.account.address, "1000");
  });

  it("when the balance is read after a fill then collateral and shares moved exactly", async () => {
    const { client, signer } = await clientFor(KEYS[1]);
    exchange.setBalance(signer.account.address, "100");
    await client.createAndPostOrder({ tokenID: yes, price: 0.52, size: 10, side: Side.BUY });
    const collateral = await client.getBalanceAllowance({ asset_type: "COLLATERAL" as never });
    const shares = await client.getBalanceAllowance({ asset_type: "CONDITIONAL" as never, token_id: yes });
    expect([collateral.balance, shares.balance]).toEqual(["94800000", "10000000"]);
  });

  it("when a fee-bearing market fills a buy then the fee charged equals the risk engine's book walk", async () => {
    const { client, signer } = await clientFor(KEYS[1]);
    const fees = exchange.addMarket(
      { question: "Fee?", category: "Crypto", feeRateBps: 700, feeExponent: 1 },
      BOOK,
    );
    const token = fees.tokens[0]?.tokenId ?? "";
    exchange.setBalance(signer.account.address, "100");
    const placed = await client.createAndPostOrder({ tokenID: token, price: 0.53, size: 60, side: Side.BUY });
    const walk = walkBook(bookFromWire({ ...BOOK, tick_size: "0.01", min_order_size: "5" }), {
      side: "BUY",
      shares: shares("60"),
      limitPrice: price("0.53"),
      fee: { rateBps: 700, exponent: 1 },
    });
    // 40 @ 0.52 + 20 @ 0.53 = 31.40 notional; fee 7% * (40*0.2496 + 20*0.2491) = 1.04762
    expect([walk.cost, walk.fee]).toEqual([31_400_000n, 1_047_620n]);
    expect(placed.makingAmount).toBe(String(walk.cost + walk.fee));
    expect(exchange.inspect.balance(signer.account.address).usd).toBe("67.55238");
  });

  it("when cancel-all is called then every live order of the account is cancelled", async () => {
    const { client } = await clientFor(KEYS[0]);
    await client.cancelAll();
    const ids = [];
    for (const price of [0.1, 0.2])
      ids.push((await client.createAndPostOrder({ tokenID: yes, price, size: 10, side: Side.BUY })).orderID);
    const result = await client.cancelAll();
    expect(result.canceled.sort()).toEqual(ids.sort());
    expect(await client.getOpenOrders()).toEqual([]);
  });
});
