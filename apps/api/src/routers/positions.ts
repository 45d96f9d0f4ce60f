import { positionsOf } from "@open-trade/db/queries";
import type { MarketData } from "@open-trade/polymarket";
import {
  averageEntryPrice,
  formatPrice,
  formatUsd,
  notional,
  type Price,
  price,
  shares,
  type Usd,
  unrealizedPnl,
  usd,
} from "@open-trade/risk-engine";
import { positionsListInput } from "../inputs/index.ts";
import { authedProcedure, router } from "../trpc.ts";

/** The token's current mark (midpoint, else last trade); null when market data cannot say. */
async function markOf(marketData: MarketData, tokenId: string | null): Promise<Price | null> {
  if (!tokenId) return null;
  try {
    const quote = await marketData.getQuote(tokenId);
    return quote.midpoint ?? quote.lastTrade?.price ?? null;
  } catch {
    return null;
  }
}

export const positionsRouter = router({
  /**
   * Holdings in one mode (paper and live never mix), each with its mark, value, unrealized and realized PnL,
   * fees paid and the most it can pay out (1 USD a share). Without a mark the market-dependent fields are null.
   */
  list: authedProcedure.input(positionsListInput).query(async ({ ctx, input }) => {
    const rows = await positionsOf(ctx.tx, ctx.me.id, {
      mode: input.mode,
      openOnly: input.openOnly,
      ...(input.botId ? { botId: input.botId } : {}),
    });
    const marks = new Map<string, Promise<Price | null>>();
    return Promise.all(
      rows.map(async (row) => {
        const key = row.tokenId ?? "";
        if (!marks.has(key)) marks.set(key, markOf(ctx.deps.marketData, row.tokenId));
        const mark = await marks.get(key);
        const position = {
          shares: shares(row.shares),
          costBasis: usd(row.costBasisUsd),
          realizedPnl: usd(row.realizedPnlUsd),
        };
        const entry = averageEntryPrice(position);
        return {
          ...row,
          averageEntryPrice: entry === null ? row.averageEntryPrice : formatPrice(entry),
          markPrice: mark === null || mark === undefined ? null : formatPrice(mark),
          valueUsd: mark ? formatUsd(notional(position.shares, mark, "down")) : null,
          unrealizedPnlUsd: mark ? formatUsd(unrealizedPnl(position, mark)) : null,
          maxPayoutUsd: formatUsd(notional(position.shares, price("1"), "down") as Usd),
        };
      }),
    );
  }),
});
