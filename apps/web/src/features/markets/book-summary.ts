import { sumDecimals, toScaled } from "../../lib/money.ts";

export interface Level {
  readonly price: string;
  readonly size: string;
}

const micros = (value: string) => {
  const { negative, units } = toScaled(value, 6);
  return negative ? -units : units;
};

function decimalOf(units: bigint): string {
  return sumDecimals([`${units / 1_000_000n}.${(units % 1_000_000n).toString().padStart(6, "0")}`]);
}

/** Best bid (highest), best ask (lowest) and the spread between them, exact; null where a side is empty. */
export function bookSummary(bids: readonly Level[], asks: readonly Level[]) {
  const bestBid = bids.reduce<bigint | null>((best, l) => {
    const p = micros(l.price);
    return best === null || p > best ? p : best;
  }, null);
  const bestAsk = asks.reduce<bigint | null>((best, l) => {
    const p = micros(l.price);
    return best === null || p < best ? p : best;
  }, null);
  return {
    bestBid: bestBid === null ? null : decimalOf(bestBid),
    bestAsk: bestAsk === null ? null : decimalOf(bestAsk),
    spread: bestBid === null || bestAsk === null ? null : decimalOf(bestAsk - bestBid),
  };
}

/** The first `count` levels of one side from the best price outward, each with the shares available up to it. */
export function depthLadder(levels: readonly Level[], side: "bid" | "ask", count = 8) {
  const sorted = [...levels].sort((a, b) => {
    const diff = micros(a.price) - micros(b.price);
    const order = diff === 0n ? 0 : diff > 0n ? 1 : -1;
    return side === "bid" ? -order : order;
  });
  const rows: { price: string; size: string; cumulative: string }[] = [];
  let cumulative = "0";
  for (const level of sorted.slice(0, count)) {
    cumulative = sumDecimals([cumulative, level.size]);
    rows.push({ price: level.price, size: level.size, cumulative });
  }
  return rows;
}
