import { openOrder, tradeFor } from "./clob-shapes.ts";
import type { ExchangeCore } from "./exchange-core.ts";
import { EXCHANGE_MESSAGES, ExchangeError } from "./exchange-error.ts";
import { cancelOrders } from "./order-lifecycle.ts";
import {
  EXCHANGE_V2,
  isV1Body,
  NEG_RISK_ADAPTER,
  NEG_RISK_EXCHANGE_V2,
  postedOrderSchema,
} from "./order-signature.ts";
import { placeOrder } from "./place-order.ts";
import { jsonBody, type RequestContext, type Route } from "./router.ts";

const MAX_BATCH = 15;
const END_CURSOR = "LTE=";

const envelope = <T>(data: T[]) => ({
  data,
  next_cursor: END_CURSOR,
  limit: data.length,
  count: data.length,
});

/** The L2 (HMAC) endpoints: orders, cancels, order and trade queries, balances. */
export function clobTradingRoutes(core: ExchangeCore, nowMs: () => number): Route[] {
  const { state } = core;

  const post = async (context: RequestContext, body: unknown) => {
    if (isV1Body(body)) throw new ExchangeError(400, EXCHANGE_MESSAGES.versionMismatch);
    const parsed = postedOrderSchema.safeParse(body);
    if (!parsed.success) throw new ExchangeError(400, EXCHANGE_MESSAGES.invalidPayload);
    return placeOrder(state, parsed.data, context.creds, {
      chainId: core.chainId,
      nowMs: nowMs(),
      tradeDelayMs: core.tradeDelayMs,
    });
  };

  const failedEntry = (message: string) => ({
    success: false,
    errorMsg: message,
    orderID: "",
    status: "",
    makingAmount: "",
    takingAmount: "",
    transactionsHashes: [],
    tradeIDs: [],
  });

  const ownLive = (address: string, keep: (order: { market: string; tokenId: string }) => boolean) =>
    state
      .liveOrdersOf(address)
      .filter(keep)
      .map((order) => order.id);

  const balance = (context: RequestContext) => {
    const account = state.account(context.creds.address);
    const type = context.query.get("asset_type");
    if (type === "COLLATERAL") {
      const allowance = account.allowance.toString();
      return {
        balance: account.balance.toString(),
        allowances: {
          [EXCHANGE_V2]: allowance,
          [NEG_RISK_EXCHANGE_V2]: allowance,
          [NEG_RISK_ADAPTER]: allowance,
        },
      };
    }
    if (type === "CONDITIONAL") {
      const tokenId = context.query.get("token_id") ?? "";
      if (!state.tokens.has(tokenId)) throw new ExchangeError(400, EXCHANGE_MESSAGES.invalidTokenId);
      const max = (2n ** 256n - 1n).toString();
      return {
        balance: (account.positions.get(tokenId) ?? 0n).toString(),
        allowances: { [EXCHANGE_V2]: max, [NEG_RISK_EXCHANGE_V2]: max, [NEG_RISK_ADAPTER]: max },
      };
    }
    throw new ExchangeError(400, EXCHANGE_MESSAGES.invalidAssetType);
  };

  return [
    { method: "POST", path: "/order", auth: "l2", handle: (c) => post(c, jsonBody(c)) },
    {
      method: "POST",
      path: "/orders",
      auth: "l2",
      handle: async (c) => {
        const body = jsonBody(c);
        if (!Array.isArray(body)) throw new ExchangeError(400, EXCHANGE_MESSAGES.invalidPayload);
        if (body.length > MAX_BATCH) {
          throw new ExchangeError(
            400,
            `Too many orders in payload: ${body.length}, max allowed: ${MAX_BATCH}`,
          );
        }
        const results = [];
        for (const item of body) {
          try {
            results.push(await post(c, item));
          } catch (error) {
            if (!(error instanceof ExchangeError) || error.status === 401) throw error;
            results.push(failedEntry(error.message));
          }
        }
        return results;
      },
    },
    {
      method: "DELETE",
      path: "/order",
      auth: "l2",
      handle: (c) => {
        const body = jsonBody(c) as { orderID?: unknown } | null;
        if (typeof body?.orderID !== "string") throw new ExchangeError(400, "Invalid orderID");
        return cancelOrders(state, [body.orderID], c.creds.address);
      },
    },
    {
      method: "DELETE",
      path: "/orders",
      auth: "l2",
      handle: (c) => {
        const body = jsonBody(c);
        if (!Array.isArray(body) || body.some((id) => typeof id !== "string")) {
          throw new ExchangeError(400, EXCHANGE_MESSAGES.invalidPayload);
        }
        return cancelOrders(state, body as string[], c.creds.address);
      },
    },
    {
      method: "DELETE",
      path: "/cancel-all",
      auth: "l2",
      handle: (c) =>
        cancelOrders(
          state,
          ownLive(c.creds.address, () => true),
          c.creds.address,
        ),
    },
    {
      method: "DELETE",
      path: "/cancel-market-orders",
      auth: "l2",
      handle: (c) => {
        const body = (c.rawBody ? jsonBody(c) : {}) as { market?: string; asset_id?: string };
        const keep = (order: { market: string; tokenId: string }) =>
          (!body.market || order.market === body.market) &&
          (!body.asset_id || order.tokenId === body.asset_id);
        return cancelOrders(state, ownLive(c.creds.address, keep), c.creds.address);
      },
    },
    {
      method: "GET",
      path: "/data/order/:id",
      auth: "l2",
      handle: (c) => {
        const order = state.orders.get(c.params.id ?? "");
        if (!order || order.signer !== c.creds.address)
          throw new ExchangeError(404, EXCHANGE_MESSAGES.orderNotFound);
        return openOrder(order);
      },
    },
    {
      method: "GET",
      path: "/data/orders",
      auth: "l2",
      handle: (c) => {
        const { query } = c;
        const orders = state
          .liveOrdersOf(c.creds.address)
          .filter((order) => !query.get("id") || order.id === query.get("id"))
          .filter((order) => !query.get("market") || order.market === query.get("market"))
          .filter((order) => !query.get("asset_id") || order.tokenId === query.get("asset_id"));
        return envelope(orders.map(openOrder));
      },
    },
    {
      method: "GET",
      path: "/data/trades",
      auth: "l2",
      handle: (c) => {
        const { query } = c;
        const viewer = c.creds.address;
        const now = nowMs();
        const after = Number(query.get("after") ?? 0);
        const before = Number(query.get("before") ?? Number.MAX_SAFE_INTEGER);
        const trades = state.trades
          .filter((trade) => trade.visibleAt <= now)
          .filter(
            (trade) => trade.takerAddress === viewer || trade.makers.some((maker) => maker.owner === viewer),
          )
          .filter((trade) => !query.get("id") || trade.id === query.get("id"))
          .filter((trade) => !query.get("market") || trade.market === query.get("market"))
          .filter((trade) => !query.get("asset_id") || trade.assetId === query.get("asset_id"))
          .filter((trade) => trade.matchTime >= after && trade.matchTime <= before);
        return envelope(trades.map((trade) => tradeFor(trade, viewer)));
      },
    },
    { method: "GET", path: "/balance-allowance", auth: "l2", handle: balance },
    { method: "GET", path: "/balance-allowance/update", auth: "l2", handle: balance },
    {
      method: "POST",
      path: "/v1/heartbeats",
      auth: "l2",
      handle: (c) => ({
        heartbeat_id: (jsonBody(c) as { heartbeat_id?: string })?.heartbeat_id || "stand-in",
      }),
    },
    { method: "GET", path: "/order-scoring", auth: "l2", handle: () => ({ scoring: false }) },
    { method: "GET", path: "/notifications", auth: "l2", handle: () => [] },
    // The stand-in never ran V1, so there are no pre-migration orders; the client pages until LTE=.
    { method: "GET", path: "/data/pre-migration-orders", auth: "l2", handle: () => envelope([]) },
  ];
}
