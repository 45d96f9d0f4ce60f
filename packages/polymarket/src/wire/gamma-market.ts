import { z } from "zod";
import type { Market } from "../market-data.ts";
import { optionalPriceField, sharesField, usdAggregateField } from "./decimal-field.ts";
import { jsonStringArray } from "./json-string-array.ts";

const tag = z.object({ label: z.string().optional(), slug: z.string().optional() });
const isoDate = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((text) => new Date(text));

/** One row of Gamma's `/markets` (legacy array or keyset `markets`), reduced to what bots use. */
export const gammaMarketSchema = z
  .object({
    id: z.union([z.string(), z.number().int()]).transform(String),
    question: z.string(),
    conditionId: z.string().regex(/^0x[0-9a-fA-F]{64}$/, "not a 32-byte 0x hex condition id"),
    slug: z.string().default(""),
    endDate: isoDate.nullish(),
    outcomes: jsonStringArray,
    outcomePrices: jsonStringArray.nullish(),
    clobTokenIds: jsonStringArray.nullish(),
    liquidity: usdAggregateField.nullish(),
    volume: usdAggregateField.nullish(),
    active: z.boolean().default(false),
    closed: z.boolean().default(false),
    acceptingOrders: z.boolean().nullish(),
    negRisk: z.boolean().nullish(),
    orderPriceMinTickSize: optionalPriceField,
    orderMinSize: sharesField.nullish(),
    category: z.string().nullish(),
    tags: z.array(tag).nullish(),
    events: z.array(z.object({ category: z.string().nullish(), tags: z.array(tag).nullish() })).nullish(),
  })
  .superRefine((row, ctx) => {
    const tokens = row.clobTokenIds ?? [];
    if (tokens.length > 0 && tokens.length !== row.outcomes.length) {
      ctx.addIssue({ code: "custom", path: ["clobTokenIds"], message: "does not line up with outcomes" });
    }
    if (row.outcomePrices && row.outcomePrices.length !== row.outcomes.length) {
      ctx.addIssue({ code: "custom", path: ["outcomePrices"], message: "does not line up with outcomes" });
    }
    for (const [index, text] of (row.outcomePrices ?? []).entries()) {
      const parsed = optionalPriceField.safeParse(text);
      if (!parsed.success) {
        ctx.addIssue({
          code: "custom",
          path: ["outcomePrices", index],
          message: parsed.error.issues[0]?.message,
        });
      }
    }
  })
  .transform((row): Market => {
    const labels = [...(row.tags ?? []), ...(row.events ?? []).flatMap((event) => event.tags ?? [])]
      .map((t) => t.label ?? t.slug)
      .filter((label): label is string => Boolean(label));
    const tokens = row.clobTokenIds ?? [];
    return {
      id: row.id,
      conditionId: row.conditionId,
      question: row.question,
      slug: row.slug,
      category: row.category ?? row.events?.find((event) => event.category)?.category ?? null,
      tags: [...new Set(labels)],
      outcomes: tokens.map((tokenId, index) => ({
        outcome: row.outcomes[index] ?? "",
        tokenId,
        price: row.outcomePrices ? optionalPriceField.parse(row.outcomePrices[index]) : null,
      })),
      active: row.active,
      closed: row.closed,
      acceptingOrders: row.acceptingOrders ?? row.active,
      negRisk: row.negRisk ?? false,
      endDate: row.endDate ?? null,
      liquidity: row.liquidity ?? (0n as Market["liquidity"]),
      volume: row.volume ?? (0n as Market["volume"]),
      tickSize: row.orderPriceMinTickSize,
      minOrderSize: row.orderMinSize ?? null,
    };
  });

export const gammaMarketListSchema = z.union([
  z.array(gammaMarketSchema),
  z.object({ markets: z.array(gammaMarketSchema) }).transform((page) => page.markets),
]);
