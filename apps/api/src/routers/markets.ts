import type { Market } from "@open-trade/polymarket";
import { formatPrice, formatShares, formatUsd } from "@open-trade/risk-engine";
import { marketInput, marketsListInput } from "../inputs/index.ts";
import { publicProcedure, router } from "../trpc.ts";

function marketView(m: Market) {
  return {
    conditionId: m.conditionId,
    question: m.question,
    slug: m.slug,
    category: m.category,
    tags: [...m.tags],
    outcomes: m.outcomes.map((o) => ({
      outcome: o.outcome,
      tokenId: o.tokenId,
      price: o.price === null ? null : formatPrice(o.price),
    })),
    active: m.active,
    closed: m.closed,
    endDate: m.endDate ? m.endDate.toISOString() : null,
    liquidityUsd: formatUsd(m.liquidity),
    volumeUsd: formatUsd(m.volume),
  };
}

/** Public market data (no user data): browse, search, filter by category; one market with books and history. */
export const marketsRouter = router({
  list: publicProcedure.input(marketsListInput).query(async ({ ctx, input }) => {
    const markets = await ctx.deps.marketData.listMarkets({
      active: true,
      limit: input.limit,
      now: ctx.deps.clock.now(),
      ...(input.search ? { text: input.search } : {}),
      ...(input.category ? { categories: [input.category] } : {}),
    });
    return markets.map(marketView);
  }),

  byId: publicProcedure.input(marketInput).query(async ({ ctx, input }) => {
    const market = await ctx.deps.marketData.getMarket(input.conditionId);
    const tokens = market.outcomes.map((o) => o.tokenId);
    const [books, histories] = await Promise.all([
      ctx.deps.marketData.getOrderBooks(tokens),
      Promise.all(
        tokens.map((t) => ctx.deps.marketData.getPriceHistory(t, { interval: "1w", fidelityMinutes: 60 })),
      ),
    ]);
    return {
      ...marketView(market),
      books: books.map((b) => ({
        tokenId: b.tokenId,
        bids: b.bids.map((l) => ({ price: formatPrice(l.price), size: formatShares(l.size) })),
        asks: b.asks.map((l) => ({ price: formatPrice(l.price), size: formatShares(l.size) })),
      })),
      priceHistory: tokens.map((tokenId, i) => ({
        tokenId,
        points: (histories[i] ?? []).map((p) => ({ t: p.t, price: formatPrice(p.price) })),
      })),
    };
  }),
});
