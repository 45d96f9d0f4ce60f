import {
  averageEntryPrice,
  dailyPnl,
  dayStart,
  FLAT,
  type Price,
  type TimedFill,
  type Usd,
} from "@open-trade/risk-engine";
import { foldHoldings, type LedgerFill } from "./ledger-holdings.ts";

/**
 * A bot's PnL since the UTC day boundary: realized today plus today's change in unrealized PnL, marked at the
 * best bid (what a sale would fetch). The opening mark is today's mark too, so the overnight move of a carried
 * position is not counted as today's loss. Without a bid a holding is marked at its own entry price, i.e. only
 * realized PnL counts.
 */
export function pnlToday(
  fills: readonly LedgerFill[],
  bestBid: (tokenId: string) => Price | null,
  nowMs: number,
): Usd {
  const since = dayStart(nowMs);
  const opening = foldHoldings(fills, since);
  const current = foldHoldings(fills);
  let total = 0n;
  for (const [tokenId, holding] of current) {
    const open = opening.get(tokenId)?.position ?? FLAT;
    const bid = bestBid(tokenId);
    const todays: TimedFill[] = fills
      .filter((f) => f.tokenId === tokenId && f.atMs >= since)
      .map((f) => ({ side: f.side, shares: f.shares, price: f.price, fee: f.fee, at: f.atMs }));
    total += dailyPnl({
      opening: open,
      openingMark: bid ?? averageEntryPrice(open) ?? (0n as Price),
      fills: todays,
      mark: bid ?? averageEntryPrice(holding.position) ?? (0n as Price),
      since,
    });
  }
  return total as Usd;
}
