import type { CandidateMarket, OutcomeSide, Recipe } from "@open-trade/llm";
import type { Market, MarketData, TokenBook } from "@open-trade/polymarket";
import type { Price } from "@open-trade/risk-engine";

const MAX_CANDIDATES = 20;
const YEAR_MS = 365 * 86_400_000;
const SIDES: readonly OutcomeSide[] = ["YES", "NO"];

/** A market the evaluation looked at, with the books of its outcome tokens. */
export interface MarketView {
  readonly market: Market;
  readonly books: ReadonlyMap<string, TokenBook>;
  /** YES is the first outcome token of a binary market, NO the second. */
  tokenFor(side: OutcomeSide): string | undefined;
}

export interface Gathered {
  readonly candidates: CandidateMarket[];
  readonly views: ReadonlyMap<string, MarketView>;
}

const best = (levels: readonly { price: Price }[]): Price | null => levels.at(-1)?.price ?? null;

/**
 * Step 5: markets in the recipe's universe and the bot's allowed categories (plus the markets the bot
 * holds, so an exit can refer to them), with their books, in the decision's candidate shape.
 */
export async function gatherCandidates(
  marketData: MarketData,
  recipe: Recipe,
  allowedCategories: readonly string[],
  heldMarketIds: readonly string[],
  nowMs: number,
): Promise<Gathered> {
  const allowed = new Set(allowedCategories.map((c) => c.toLowerCase()));
  const categories = recipe.universe.categories.filter((c) => allowed.has(c.toLowerCase()));
  const listed =
    categories.length === 0
      ? []
      : await marketData.listMarkets({
          active: true,
          categories,
          limit: MAX_CANDIDATES,
          now: new Date(nowMs),
        });
  const known = new Set(listed.map((m) => m.conditionId));
  const held = await Promise.all(
    heldMarketIds.filter((id) => !known.has(id)).map((id) => marketData.getMarket(id)),
  );
  const markets = [...listed, ...held].filter((m) => m.outcomes.length === 2);
  const tokenIds = markets.flatMap((m) => m.outcomes.map((o) => o.tokenId));
  const books = tokenIds.length === 0 ? [] : await marketData.getOrderBooks(tokenIds);
  const byToken = new Map(books.map((b) => [b.tokenId, b]));

  const views = new Map<string, MarketView>();
  const candidates: CandidateMarket[] = [];
  for (const market of markets) {
    const marketBooks = new Map(
      market.outcomes.flatMap((o) => {
        const book = byToken.get(o.tokenId);
        return book ? [[o.tokenId, book] as const] : [];
      }),
    );
    views.set(market.conditionId, {
      market,
      books: marketBooks,
      tokenFor: (side) => market.outcomes[side === "YES" ? 0 : 1]?.tokenId,
    });
    const first = marketBooks.values().next().value;
    const tickSize = market.tickSize ?? first?.tickSize;
    if (!tickSize) continue;
    candidates.push({
      marketId: market.conditionId,
      question: market.question,
      description: "",
      category: market.category ?? market.tags[0] ?? "other",
      outcomes: market.outcomes.map((o, i) => {
        const book = marketBooks.get(o.tokenId);
        return {
          side: SIDES[i] as OutcomeSide,
          label: o.outcome,
          bestBid: book ? best(book.bids) : null,
          bestAsk: book ? best(book.asks) : null,
          moves: [],
        };
      }),
      liquidityUsd: market.liquidity,
      endsAtMs: market.endDate?.getTime() ?? nowMs + YEAR_MS,
      tickSize,
    });
  }
  return { candidates, views };
}
