// The walk as it was before the fee sum kept a 64-bit running total (main at 63b9462), kept as the test oracle:
// walk-book.test.ts requires the current walkBook to return exactly what this returns.

import { type FeeTerms, feeTerms, feeWeight } from "../src/book/fee.ts";
import type { BookLevel, OrderBook } from "../src/book/order-book.ts";
import type { BookWalk, WalkRequest } from "../src/book/walk-book.ts";
import { divCeil, divFloor } from "../src/money/divide.ts";
import { MICROS, type Price, type Shares, type Usd } from "../src/money/units.ts";

const BPS = 10_000n;

function topPrice(levels: readonly BookLevel[]): Price | null {
  return levels.length > 0 ? (levels[levels.length - 1] as BookLevel).price : null;
}

/** Signed slippage in bps of an exact summed cost against `reference * filled`, at the same scale. */
function slippageBps(buy: boolean, costNum: bigint, reference: bigint, filled: bigint): number {
  const base = reference * filled;
  if (base === 0n) return 0;
  const diff = buy ? costNum - base : base - costNum;
  return Number(divCeil(diff * BPS, base));
}

/**
 * Walks one side of a book from its best level (the last element) for a BUY or SELL of a share size
 * and/or a USD amount, optionally capped by a limit price. All arithmetic is exact; the sums of
 * `size * price` are kept with 12 decimals and rounded once at the end.
 */
export function walkBookOracle(book: OrderBook, request: WalkRequest): BookWalk {
  const buy = request.side === "BUY";
  const levels = buy ? book.asks : book.bids;
  const { shares: shareTarget, usd: usdTarget, limitPrice } = request;
  const usdTargetNum = usdTarget === undefined ? undefined : usdTarget * MICROS;
  const terms = request.fee && request.fee.rateBps > 0 ? feeTerms(request.fee) : undefined;
  // Exponent 0 needs only the filled size and exponent 1 (Polymarket's usual) one inline product, so
  // only other exponents pay for the general power per level.
  const linearFee = terms?.exponent === 1;
  const perLevelFee = terms !== undefined && terms.exponent > 1;

  let filled = 0n;
  let costNum = 0n;
  let feeNum = 0n;
  let consumed = 0;
  let worst: bigint | null = null;
  let reached = false;

  for (let i = levels.length - 1; i >= 0 && !reached; i--) {
    const { price: p, size } = levels[i] as BookLevel;
    if (limitPrice !== undefined && (buy ? p > limitPrice : p < limitPrice)) break;
    let take: bigint = size;
    if (shareTarget !== undefined && take >= shareTarget - filled) {
      take = shareTarget - filled;
      reached = true;
    }
    if (usdTargetNum !== undefined && p > 0n) {
      const left = usdTargetNum - costNum;
      const cap = buy ? left / p : divCeil(left, p);
      if (cap <= take) {
        take = cap;
        reached = true;
      }
    } else if (usdTargetNum !== undefined && !buy) {
      // Selling at zero raises nothing toward a USD target; a free ask, by contrast, is simply taken.
      continue;
    }
    if (take <= 0n) continue;
    filled += take;
    costNum += take * p;
    if (linearFee) feeNum += take * (p * (MICROS - p));
    else if (perLevelFee) feeNum += take * feeWeight(p, (terms as FeeTerms).exponent);
    consumed++;
    worst = p;
  }

  const bestPrice = topPrice(levels);
  const bestBid = topPrice(book.bids);
  const bestAsk = topPrice(book.asks);
  const cost = buy ? divCeil(costNum, MICROS) : divFloor(costNum, MICROS);
  if (terms?.exponent === 0) feeNum = filled;
  let remaining = 0n;
  if (shareTarget !== undefined) remaining = shareTarget - filled;
  else if (usdTarget !== undefined) remaining = usdTarget > cost ? usdTarget - cost : 0n;

  return {
    filled: filled as Shares,
    cost: cost as Usd,
    fee: (terms ? divCeil(feeNum * terms.rateBps, terms.denominator) : 0n) as Usd,
    vwap: filled === 0n ? null : ((buy ? divCeil(costNum, filled) : divFloor(costNum, filled)) as Price),
    bestPrice,
    worstPrice: worst as Price | null,
    levelsConsumed: consumed,
    remaining: remaining as Shares | Usd,
    slippageVsBestBps: bestPrice === null ? 0 : slippageBps(buy, costNum, bestPrice, filled),
    slippageVsMidBps:
      bestBid === null || bestAsk === null ? null : slippageBps(buy, costNum * 2n, bestBid + bestAsk, filled),
    complete: reached || (shareTarget === undefined && usdTarget === undefined),
  };
}
