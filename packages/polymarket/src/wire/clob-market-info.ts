import { z } from "zod";
import type { MarketParams } from "../market-data.ts";
import { priceField, sharesField } from "./decimal-field.ts";

/** CLOB `GET /markets-by-token/{tokenId}`. */
export const conditionByTokenSchema = z.object({ condition_id: z.string().min(1) });

/**
 * A fee rate such as 0.07 arrives as a JSON number; it is read back from its decimal text and must be a
 * whole number of basis points so the fee arithmetic downstream stays exact.
 */
const rateBps = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const match = /^(\d+)(?:\.(\d{0,4}))?$/.exec(String(value));
  if (!match) {
    ctx.addIssue({ code: "custom", message: "fee rate is not a decimal with at most 4 places" });
    return z.NEVER;
  }
  return Number(`${match[1]}${(match[2] ?? "").padEnd(4, "0")}`);
});

/** CLOB `GET /clob-markets/{conditionId}` (compact MarketDetails). */
export const clobMarketInfoSchema = z
  .object({
    c: z.string(),
    t: z.array(z.object({ t: z.string(), o: z.string() })).min(1),
    mts: priceField,
    mos: sharesField.nullish(),
    nr: z.boolean().nullish(),
    fd: z.object({ r: rateBps.nullish(), e: z.number().int().nonnegative().nullish() }).nullish(),
  })
  .transform((info): MarketParams & { tokenIds: string[] } => ({
    conditionId: info.c,
    tokenIds: info.t.map((token) => token.t),
    tickSize: info.mts,
    minOrderSize: info.mos ?? (0n as MarketParams["minOrderSize"]),
    negRisk: info.nr ?? false,
    fee: { rateBps: info.fd?.r ?? 0, exponent: info.fd?.e ?? 0 },
  }));

/** CLOB `GET /markets/{conditionId}`: only what resolution needs. */
export const clobMarketSchema = z.object({
  condition_id: z.string(),
  active: z.boolean().nullish(),
  closed: z.boolean().nullish(),
  tokens: z.array(z.object({ token_id: z.string(), outcome: z.string(), winner: z.boolean().nullish() })),
});
