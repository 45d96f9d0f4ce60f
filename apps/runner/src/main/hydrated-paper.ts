import type { RawSql } from "@open-trade/db";
import {
  createPaperExecution,
  type MarketData,
  type MarketParams,
  type PaperExecution,
  type TokenId,
} from "@open-trade/polymarket";
import { type OrderBook, price, type Shares, shares, usd } from "@open-trade/risk-engine";

// One paper account backs every paper bot in this process; the ledger in the database is what counts.
const PAPER_CASH = "1000000000";
const HYDRATION_PRICE = price("0.5");

export interface PaperHolding {
  readonly tokenId: TokenId;
  readonly shares: Shares;
}

/**
 * The paper execution keeps its holdings in memory, so after a restart it would refuse to sell what the
 * ledger says the bots hold (INSUFFICIENT_BALANCE) and take-profit or stop-loss exits could never run.
 * `hydrate` buys the stored holdings back into it against a one-level book of our own, with no fee, before
 * the runner starts; only share counts matter here, the account's cash is far beyond any demo.
 */
export function createHydratedPaper(marketData: MarketData, now: () => number) {
  const seeding = new Map<TokenId, OrderBook>();
  const seedParams = (tokenId: TokenId): MarketParams => ({
    conditionId: `hydration:${tokenId}`,
    tickSize: price("0.01"),
    minOrderSize: shares("0"),
    negRisk: false,
    fee: { rateBps: 0, exponent: 1 },
  });
  const paper: PaperExecution = createPaperExecution({
    book: (tokenId) => seeding.get(tokenId) ?? marketData.getOrderBook(tokenId),
    params: (tokenId) =>
      seeding.has(tokenId) ? Promise.resolve(seedParams(tokenId)) : marketData.getMarketParams(tokenId),
    startingCash: usd(PAPER_CASH),
    now,
  });

  return {
    paper,
    /** Returns how many holdings were restored; a holding that cannot be restored is reported, not skipped. */
    async hydrate(holdings: readonly PaperHolding[]): Promise<number> {
      for (const holding of holdings) {
        const { tokenId } = holding;
        seeding.set(tokenId, {
          bids: [],
          asks: [{ price: HYDRATION_PRICE, size: holding.shares }],
          tickSize: price("0.01"),
          minOrderSize: shares("0"),
        });
        try {
          const request = {
            tokenId,
            side: "BUY",
            shares: holding.shares,
            limitPrice: HYDRATION_PRICE,
            type: "FOK",
          } as const;
          const prepared = await paper.prepareOrder(request);
          const outcome = prepared.ok ? await paper.submitOrder(prepared.value) : prepared;
          if (!outcome.ok)
            throw new Error(
              `Could not restore the paper holding of token ${tokenId}: ${outcome.failure.message}`,
            );
        } finally {
          seeding.delete(tokenId);
        }
      }
      return holdings.length;
    },
  };
}

/** Paper shares held per token across every bot (one shared paper account), as the ledger folded them. */
export async function readPaperHoldings(raw: RawSql): Promise<PaperHolding[]> {
  const { rows } = await raw.query<{ token_id: string; shares: string }>(
    `select token_id, sum(total_shares)::text as shares from public.positions
      where type = 'paper' and token_id is not null
      group by token_id having sum(total_shares) > 0 order by token_id`,
  );
  return rows.map((row) => ({ tokenId: row.token_id, shares: shares(row.shares) }));
}
