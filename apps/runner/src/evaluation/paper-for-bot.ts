import { foldHoldings } from "@open-trade/db/queries";
import { createPaperExecution, type Execution, type MarketData } from "@open-trade/polymarket";
import { type Shares, usd } from "@open-trade/risk-engine";
import type { LedgerFill } from "./bot-state.ts";

// Paper cash never binds: what a bot may spend is the risk engine's budgets, checked against the ledger.
const PAPER_CASH = usd("1000000000");

/**
 * A paper account for one evaluation, holding exactly what the bot's ledger says. Any runner process can
 * therefore sell what another bought, and a restart loses nothing: the ledger is the only paper state.
 * Fills walk the books the evaluation reads (the runner's short market-data cache).
 */
export function paperForBot(
  marketData: MarketData,
  now: () => number,
  fills: readonly LedgerFill[],
): Execution {
  const holdings = [...foldHoldings(fills).values()].map(
    (h) => [h.tokenId, h.position.shares as Shares] as const,
  );
  return createPaperExecution({
    book: (tokenId) => marketData.getOrderBook(tokenId),
    params: (tokenId) => marketData.getMarketParams(tokenId),
    startingCash: PAPER_CASH,
    holdings,
    now,
  });
}
