import type { Price, Usd } from "../money/units.ts";
import { applyFill } from "./apply-fill.ts";
import type { Fill, Position } from "./position.ts";
import { unrealizedPnl } from "./unrealized-pnl.ts";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Start of the trading day containing `now` (epoch ms), for a day boundary at UTC midnight shifted by
 * `utcOffsetMinutes` (0 = UTC, the default; 60 = midnight in UTC+1).
 */
export function dayStart(now: number, utcOffsetMinutes = 0): number {
  const offset = utcOffsetMinutes * MINUTE_MS;
  return Math.floor((now + offset) / DAY_MS) * DAY_MS - offset;
}

export interface TimedFill extends Fill {
  /** Epoch milliseconds. */
  readonly at: number;
}

export interface DailyPnlInput {
  /** The position as it stood at the day boundary. */
  readonly opening: Position;
  /** Mark of the token at the day boundary; unused when the opening position is flat. */
  readonly openingMark: Price;
  /** Fills since the boundary, oldest first; earlier fills are ignored. */
  readonly fills: readonly TimedFill[];
  readonly mark: Price;
  readonly since: number;
}

/**
 * Today's PnL: realized today plus the change in unrealized PnL since the boundary, so a position
 * carried overnight counts only what it moved today.
 */
export function dailyPnl(input: DailyPnlInput): Usd {
  let position = input.opening;
  for (const fill of input.fills) {
    if (fill.at >= input.since) position = applyFill(position, fill);
  }
  const realized = position.realizedPnl - input.opening.realizedPnl;
  const unrealizedChange =
    unrealizedPnl(position, input.mark) - unrealizedPnl(input.opening, input.openingMark);
  return (realized + unrealizedChange) as Usd;
}
