import { divCeil, divFloor } from "./divide.ts";
import { MoneyError } from "./money-error.ts";
import type { Price, Side } from "./units.ts";

function assertTick(tick: Price): void {
  if (tick <= 0n) {
    throw new MoneyError("INVALID_TICK", `The tick size must be positive; got ${tick} micro-USD.`);
  }
}

export function isOnTick(value: Price, tick: Price): boolean {
  assertTick(tick);
  return value % tick === 0n;
}

/**
 * Rounds a limit price onto the tick in the direction that can only make the order safer:
 * a BUY never pays more than asked (down), a SELL never accepts less (up).
 */
export function roundLimitToTick(value: Price, tick: Price, side: Side): Price {
  assertTick(tick);
  const ticks = side === "BUY" ? divFloor(value, tick) : divCeil(value, tick);
  return (ticks * tick) as Price;
}
