import type { BookLevel } from "@open-trade/risk-engine";
import { z } from "zod";
import type { TokenBook } from "../market-data.ts";
import { priceField, sharesField } from "./decimal-field.ts";

export const bookLevelSchema = z.object({ price: priceField, size: sharesField });

const millis = z
  .union([z.string().regex(/^\d+$/, "not an integer millisecond timestamp"), z.number().int().nonnegative()])
  .transform(Number);

/**
 * Levels must already be in wire order (bids ascending, asks descending): everything downstream reads the
 * best price from the end, so a book in any other order is refused rather than silently mis-walked.
 */
function wireOrdered(levels: BookLevel[], direction: "ascending" | "descending"): boolean {
  for (let i = 1; i < levels.length; i++) {
    const previous = levels[i - 1] as BookLevel;
    const current = levels[i] as BookLevel;
    if (direction === "ascending" ? current.price <= previous.price : current.price >= previous.price)
      return false;
  }
  return true;
}

export const bookLevelsSchema = {
  bids: z
    .array(bookLevelSchema)
    .refine((levels) => wireOrdered(levels, "ascending"), "bids are not strictly ascending"),
  asks: z
    .array(bookLevelSchema)
    .refine((levels) => wireOrdered(levels, "descending"), "asks are not strictly descending"),
};

/** CLOB `GET /book` and each element of `POST /books` (OrderBookSummary). */
export const clobBookSchema = z
  .object({
    market: z.string(),
    asset_id: z.string().regex(/^\d+$/, "not a decimal token id"),
    timestamp: millis,
    hash: z.string().default(""),
    ...bookLevelsSchema,
    tick_size: priceField,
    min_order_size: sharesField,
  })
  .transform(
    (book): TokenBook => ({
      tokenId: book.asset_id,
      conditionId: book.market,
      timestamp: book.timestamp,
      hash: book.hash,
      bids: book.bids,
      asks: book.asks,
      tickSize: book.tick_size,
      minOrderSize: book.min_order_size,
    }),
  );
