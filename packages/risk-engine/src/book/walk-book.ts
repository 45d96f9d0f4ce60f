import { divCeil, divFloor } from "../money/divide.ts";
import { MICROS, type Price, type Shares, type Side, type Usd } from "../money/units.ts";
import { type FeeTerms, feeTerms, feeWeight } from "./fee.ts";
import type { BookLevel, FeeSchedule, OrderBook } from "./order-book.ts";

export interface WalkRequest {
  readonly side: Side;
  /** Stop after this many micro-shares. */
  readonly shares?: Shares;
  /** Stop after this much notional (BUY: spent, SELL: received). */
  readonly usd?: Usd;
  /** Never consume a level worse than this price. */
  readonly limitPrice?: Price;
  readonly fee?: FeeSchedule;
}

export interface BookWalk {
  readonly filled: Shares;
  /** Notional excluding fees; rounded up for a BUY (paid), down for a SELL (received). */
  readonly cost: Usd;
  /** Taker fee, rounded up. */
  readonly fee: Usd;
  /** Null when nothing filled; rounded against the taker like `cost`. */
  readonly vwap: Price | null;
  /** Top of the side being walked, null when that side is empty. */
  readonly bestPrice: Price | null;
  /** Price of the last level consumed, null when nothing filled. */
  readonly worstPrice: Price | null;
  readonly levelsConsumed: number;
  /** Unfilled part of the target: shares when a share target was given, else USD; 0 without a target. */
  readonly remaining: Shares | Usd;
  /** VWAP versus best price, whole bps rounded up (overstating slippage is the safe error). */
  readonly slippageVsBestBps: number;
  /** VWAP versus the bid/ask midpoint, null when either side is empty. */
  readonly slippageVsMidBps: number | null;
  /** The target was reached; always true without a target. */
  readonly complete: boolean;
}

const BPS = 10_000n;
const U64_MAX = (1n << 64n) - 1n;
/** MICROS as a constant of this module: an imported binding cost the fee term a third of its time. */
const ONE = 1_000_000n;

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
export function walkBook(book: OrderBook, request: WalkRequest): BookWalk {
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
  // The fee numerator (shares x p x (1 - p) per level) outgrows 64 bits within a few levels, and every
  // addition to a multi-word BigInt allocates. So terms that fit 64 bits are summed modulo 2^64 (one machine
  // word) with each wrap counted, and larger terms go to an ordinary sum: the exact total is
  // feeBig + feeWraps * 2^64 + feeLow, the same integer as summing every term at once (and the old walk,
  // kept in test/walk-book-oracle.ts, is required to agree on random books).
  let feeLow = 0n;
  let feeWraps = 0;
  let feeBig = 0n;
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
    const notionalNum = take * p;
    costNum += notionalNum;
    if (linearFee || perLevelFee) {
      const term = linearFee ? notionalNum * (ONE - p) : take * feeWeight(p, (terms as FeeTerms).exponent);
      if (term <= U64_MAX) {
        const sum = BigInt.asUintN(64, feeLow + term);
        if (sum < feeLow) feeWraps++;
        feeLow = sum;
      } else feeBig += term;
    }
    consumed++;
    worst = p;
  }

  const bestPrice = topPrice(levels);
  const bestBid = topPrice(book.bids);
  const bestAsk = topPrice(book.asks);
  const cost = buy ? divCeil(costNum, MICROS) : divFloor(costNum, MICROS);
  const feeNum = terms?.exponent === 0 ? filled : feeBig + (BigInt(feeWraps) << 64n) + feeLow;
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
