import { z } from "zod";
import { optionalPriceField, priceField, sharesField } from "./decimal-field.ts";

const millis = z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(Number);
const level = z.object({ price: priceField, size: sharesField });
const side = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(["BUY", "SELL"]));

export const wsBookEventSchema = z.object({
  event_type: z.literal("book"),
  asset_id: z.string(),
  market: z.string(),
  timestamp: millis,
  hash: z.string().default(""),
  bids: z.array(level),
  asks: z.array(level),
  tick_size: priceField.optional(),
  min_order_size: sharesField.optional(),
});

export const wsPriceChangeEventSchema = z.object({
  event_type: z.literal("price_change"),
  market: z.string(),
  timestamp: millis,
  price_changes: z.array(
    z.object({
      asset_id: z.string(),
      price: priceField,
      /** The new aggregate size at that level; "0" removes it. */
      size: sharesField,
      side,
      hash: z.string().optional(),
      best_bid: optionalPriceField,
      best_ask: optionalPriceField,
    }),
  ),
});

export const wsTickSizeChangeEventSchema = z.object({
  event_type: z.literal("tick_size_change"),
  asset_id: z.string(),
  new_tick_size: priceField,
  timestamp: millis.optional(),
});

export const wsLastTradeEventSchema = z.object({
  event_type: z.literal("last_trade_price"),
  asset_id: z.string(),
  price: priceField,
  side,
  size: sharesField.optional(),
  timestamp: millis.optional(),
});

export const wsMarketEventSchema = z.discriminatedUnion("event_type", [
  wsBookEventSchema,
  wsPriceChangeEventSchema,
  wsTickSizeChangeEventSchema,
  wsLastTradeEventSchema,
]);

export type WsBookEvent = z.output<typeof wsBookEventSchema>;
export type WsPriceChangeEvent = z.output<typeof wsPriceChangeEventSchema>;
export type WsMarketEvent = z.output<typeof wsMarketEventSchema>;

/** Event types this package acts on; others (best_bid_ask, new_market, ...) are passed over. */
export const HANDLED_EVENT_TYPES: ReadonlySet<string> = new Set([
  "book",
  "price_change",
  "tick_size_change",
  "last_trade_price",
]);
