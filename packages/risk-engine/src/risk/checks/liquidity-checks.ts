import { deny } from "../denial.ts";
import { floorToLot, priceToFill, sideDepth } from "../price-order.ts";
import { type MeasuredCheck, reading } from "./risk-check.ts";

/** Limit: the shares on the side the order takes from; value: the shares asked. */
export const checkLiquidity: MeasuredCheck = (order) => {
  const { intent, walk, market } = order;
  if (!market) return null;
  const available = sideDepth(market.book, order);
  let denial = null;
  if (!walk.complete && walk.bestPrice === null) denial = deny("NO_LIQUIDITY", { side: intent.side });
  else if (!walk.complete && available < intent.shares) {
    denial = deny("INSUFFICIENT_LIQUIDITY", {
      requested: intent.shares,
      available,
      maxShares: floorToLot(walk.filled),
    });
  }
  return reading(available, intent.shares, denial);
};

/**
 * The book holds enough shares, but not within the limit price that caps slippage. Limit: that limit
 * price; value: the worst price the whole size fills at (null when the book cannot fill it at all, which
 * the liquidity check reports).
 */
export const checkSlippage: MeasuredCheck = (order, _snapshot, limits) => {
  const { intent, walk, limitPrice, market } = order;
  if (!market || limitPrice === null) return null;
  if (walk.complete) return reading(limitPrice, walk.worstPrice, null);
  const worst = priceToFill(market.book, order);
  const denial =
    worst === null
      ? null
      : deny("SLIPPAGE_EXCEEDED", {
          requested: intent.shares,
          limitPrice,
          maxSlippageBps: limits.maxSlippageBps,
          maxShares: floorToLot(walk.filled),
        });
  return reading(limitPrice, worst, denial);
};
