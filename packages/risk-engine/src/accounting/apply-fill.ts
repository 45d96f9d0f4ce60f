import { divFloor } from "../money/divide.ts";
import { notional } from "../money/notional.ts";
import type { Shares, Usd } from "../money/units.ts";
import type { Fill, Position } from "./position.ts";

/**
 * Applies one fill with average-cost accounting. A BUY adds its exact notional (rounded up, as paid) to
 * cost basis; a SELL removes a proportional share of cost basis (rounded down, so the last sale of a
 * position removes whatever is left) and realizes proceeds minus that basis. Fees always hit realized PnL,
 * which keeps the identity realized = cash flow + remaining cost basis exact.
 * Selling more than is held is refused: this package never models a short position.
 */
export function applyFill(position: Position, fill: Fill): Position {
  if (fill.side === "BUY") {
    return {
      shares: (position.shares + fill.shares) as Shares,
      costBasis: (position.costBasis + notional(fill.shares, fill.price, "up")) as Usd,
      realizedPnl: (position.realizedPnl - fill.fee) as Usd,
    };
  }
  if (fill.shares > position.shares) {
    throw new RangeError(
      `Cannot sell ${fill.shares} micro-shares of a position holding ${position.shares}; sell at most what is held.`,
    );
  }
  const remaining = position.shares - fill.shares;
  const removed =
    remaining === 0n ? position.costBasis : divFloor(position.costBasis * fill.shares, position.shares);
  const proceeds = notional(fill.shares, fill.price, "down");
  return {
    shares: remaining as Shares,
    costBasis: (position.costBasis - removed) as Usd,
    realizedPnl: (position.realizedPnl + proceeds - removed - fill.fee) as Usd,
  };
}

/** Applies fills in order. */
export function applyFills(position: Position, fills: readonly Fill[]): Position {
  return fills.reduce(applyFill, position);
}
