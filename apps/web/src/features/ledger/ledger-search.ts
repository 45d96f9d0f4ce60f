import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The ledger's filters and sort, typed, in the URL: a filtered ledger is a link that can be shared. */
export const ledgerSearchSchema = z.object({
  bot: z.uuid().optional().catch(undefined),
  market: z.string().min(1).max(100).optional().catch(undefined),
  mode: z.enum(["paper", "live"]).optional().catch(undefined),
  side: z.enum(["buy", "sell"]).optional().catch(undefined),
  /** First UTC day included. */
  from: day.optional().catch(undefined),
  /** Last UTC day included. */
  to: day.optional().catch(undefined),
  /** Text matched against bot, market and the model's reasoning, within the loaded trades. */
  q: z.string().max(100).optional().catch(undefined),
  sort: z.enum(["newest", "oldest"]).default("newest").catch("newest"),
});

export type LedgerSearch = z.infer<typeof ledgerSearchSchema>;

const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00.000Z`) + 86_400_000).toISOString();

/** The API's trade filter for the URL's filters (days become [from 00:00, day after `to` 00:00) in UTC). */
export function tradesInput(search: LedgerSearch) {
  return {
    limit: 200,
    ...(search.bot ? { botId: search.bot } : {}),
    ...(search.market ? { marketId: search.market } : {}),
    ...(search.mode ? { mode: search.mode } : {}),
    ...(search.side ? { side: search.side } : {}),
    ...(search.from ? { from: `${search.from}T00:00:00.000Z` } : {}),
    ...(search.to ? { to: nextDay(search.to) } : {}),
  };
}
