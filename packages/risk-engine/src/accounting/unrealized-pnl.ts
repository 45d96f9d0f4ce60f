import { notional } from "../money/notional.ts";
import type { Price, Usd } from "../money/units.ts";
import type { Position } from "./position.ts";

/** What the position would realize at `mark` (rounded down, as received) minus its cost basis. */
export function unrealizedPnl(position: Position, mark: Price): Usd {
  return (notional(position.shares, mark, "down") - position.costBasis) as Usd;
}
