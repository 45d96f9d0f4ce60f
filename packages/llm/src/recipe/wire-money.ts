import { z } from "zod";

/**
 * Money as it travels in JSON (recipes in jsonb, model answers): plain decimal strings with at most six
 * decimals, so they convert to the risk engine's micro-units exactly. No transforms here, because these
 * schemas are also sent to the model as JSON Schema.
 */
export const usdString = z.string().regex(/^\d{1,9}(\.\d{1,6})?$/, 'a USD amount such as "25" or "12.5"');

export const priceString = z
  .string()
  .regex(/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/, 'a price between 0 and 1 such as "0.42"');

export const sharesString = z.string().regex(/^\d{1,12}(\.\d{1,6})?$/, 'a share quantity such as "100"');
