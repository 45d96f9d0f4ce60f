import { MICROS, type Price, type Shares, type Usd } from "../money/units.ts";
import { applyFill } from "./apply-fill.ts";
import type { Position } from "./position.ts";

/** Closes a position when its market resolves: each share pays 1 USD if its outcome won, else 0. No fee. */
export function settle(position: Position, won: boolean): Position {
  return applyFill(position, {
    side: "SELL",
    shares: position.shares as Shares,
    price: (won ? MICROS : 0n) as Price,
    fee: 0n as Usd,
  });
}
