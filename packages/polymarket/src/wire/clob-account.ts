import { z } from "zod";
import { priceField, sharesField } from "./decimal-field.ts";

/** 6-decimal base units as an integer string ("5000000" = 5); "" when the exchange leaves it unset. */
const baseUnits = z
  .union([z.literal(""), z.string().regex(/^\d+$/, "not an integer amount in base units")])
  .transform((v) => (v === "" ? 0n : BigInt(v)));

/** `POST /order` success body (OrderResponse). */
export const orderResponseSchema = z.object({
  success: z.boolean(),
  errorMsg: z.string().default(""),
  orderID: z.string().default(""),
  status: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(["live", "matched", "delayed", "unmatched"])),
  makingAmount: baseUnits.default(0n),
  takingAmount: baseUnits.default(0n),
  tradeIDs: z.array(z.string()).nullish(),
});

export const cancelResponseSchema = z.object({
  canceled: z.array(z.string()).default([]),
  not_canceled: z.record(z.string(), z.string()).nullish(),
});

const side = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(z.enum(["BUY", "SELL"]));

export const openOrderSchema = z.object({
  id: z.string(),
  asset_id: z.string(),
  side,
  original_size: sharesField,
  size_matched: sharesField,
  price: priceField,
  expiration: z.union([z.string(), z.number()]).transform(String),
  order_type: z.enum(["GTC", "GTD", "FOK", "FAK"]),
});

/** `GET /data/order/{id}`: an order with where and when it was placed (unix seconds). */
export const orderLookupSchema = openOrderSchema.extend({
  market: z.string(),
  created_at: z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(Number),
});

export const tradeSchema = z.object({
  id: z.string(),
  taker_order_id: z.string(),
  asset_id: z.string(),
  side,
  size: sharesField,
  price: priceField,
  match_time: z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(Number),
  trader_side: z.enum(["TAKER", "MAKER"]).nullish(),
  maker_orders: z
    .array(
      z.object({
        order_id: z.string(),
        owner: z.string().default(""),
        matched_amount: sharesField,
        price: priceField,
      }),
    )
    .default([]),
});

/** V2 sends an `allowances` map; older servers a single `allowance`. Amounts are base units. */
export const balanceAllowanceSchema = z
  .object({
    balance: baseUnits,
    allowances: z.record(z.string(), baseUnits).nullish(),
    allowance: baseUnits.nullish(),
  })
  .transform((body) => ({
    balance: body.balance,
    allowances:
      body.allowances ??
      (body.allowance === undefined || body.allowance === null ? {} : { exchange: body.allowance }),
  }));

const uint = z.string().regex(/^\d+$/, "not an unsigned integer string");
const hex = (bytes: number) =>
  z.string().regex(new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`), `not ${bytes}-byte hex`);

/**
 * A live PreparedOrder's payload, re-checked before posting because it may have been written to and read
 * back from a ledger: a damaged copy must be refused, not sent.
 */
export const signedOrderPayloadSchema = z.object({
  salt: uint,
  maker: hex(20),
  signer: hex(20),
  tokenId: uint,
  makerAmount: uint,
  takerAmount: uint,
  side: z.enum(["BUY", "SELL"]),
  signatureType: z.number().int().min(0).max(3),
  timestamp: uint,
  expiration: uint,
  metadata: hex(32),
  builder: hex(32),
  signature: z.string().regex(/^0x[0-9a-fA-F]+$/, "not a hex signature"),
});
