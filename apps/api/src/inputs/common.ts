import { z } from "zod";

/** An exact USD amount as a decimal string (at most 6 decimals): money never travels as a JS number. */
export const usdInput = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,6})?$/, "Give an amount in USD such as 25 or 12.50 (at most 6 decimals).");

/** A percentage as a decimal string, such as 2 or 0.5. */
export const percentInput = z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, "Give a percentage such as 2 or 0.5.");

export const botIdInput = z.uuid("Give a bot id.");
export const modeInput = z.enum(["paper", "live"], "Mode is paper or live.");
/** A Polymarket condition id: 0x and 64 hex digits. */
export const conditionIdInput = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, "Give a Polymarket condition id (0x followed by 64 hex digits).");
export const marketIdInput = z
  .string()
  .trim()
  .min(1, "Give a market id.")
  .max(100, "That market id is too long.");
export const pageLimitInput = z
  .int("Give a whole number.")
  .min(1, "Ask for 1 or more.")
  .max(200, "Ask for 200 at most.");
export const cursorInput = z.string().max(80, "That cursor is not one this API gave out.");
