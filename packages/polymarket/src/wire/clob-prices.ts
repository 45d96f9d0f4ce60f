import { z } from "zod";
import { optionalPriceField, priceField } from "./decimal-field.ts";

export const midpointSchema = z.object({ mid: optionalPriceField });
export const spreadSchema = z.object({ spread: optionalPriceField });
export const lastTradeSchema = z.object({
  price: optionalPriceField,
  side: z.union([z.enum(["BUY", "SELL"]), z.literal("")]).nullish(),
});
export const priceHistorySchema = z.object({
  history: z.array(z.object({ t: z.number().int(), p: priceField })),
});
