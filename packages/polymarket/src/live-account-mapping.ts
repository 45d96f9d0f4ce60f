import type { z } from "zod";
import type { Fill, OpenOrder } from "./execution.ts";
import { GTD_MARGIN_S } from "./sign-order.ts";
import type { openOrderSchema, tradeSchema } from "./wire/clob-account.ts";

export function toOpenOrder(o: z.output<typeof openOrderSchema>): OpenOrder {
  return {
    orderId: o.id,
    tokenId: o.asset_id,
    side: o.side,
    price: o.price,
    originalShares: o.original_size,
    matchedShares: o.size_matched,
    type: o.order_type,
    expiresAt: o.expiration === "0" ? null : (Number(o.expiration) - GTD_MARGIN_S) * 1000,
  };
}

/** As taker an account's share of a trade is all of it; as maker, only the maker orders it owns. */
export function toFills(trades: readonly z.output<typeof tradeSchema>[], owner: string): Fill[] {
  return trades.flatMap((t) => {
    const base = { tradeId: t.id, tokenId: t.asset_id, side: t.side, fee: null, at: t.match_time * 1000 };
    if (t.trader_side !== "MAKER")
      return [{ ...base, orderId: t.taker_order_id, price: t.price, shares: t.size }];
    return t.maker_orders
      .filter((m) => m.owner === owner)
      .map((m) => ({ ...base, orderId: m.order_id, price: m.price, shares: m.matched_amount }));
  });
}
