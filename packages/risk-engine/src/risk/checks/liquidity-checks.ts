import { deny } from "../denial.ts";
import { floorToLot, sideDepth } from "../price-order.ts";
import type { RiskCheck } from "./risk-check.ts";

export const checkLiquidity: RiskCheck = (order) => {
  const { intent, walk, market } = order;
  if (!market || walk.complete) return null;
  if (walk.bestPrice === null) return deny("NO_LIQUIDITY", { side: intent.side });
  const available = sideDepth(market.book, order);
  return available >= intent.shares
    ? null
    : deny("INSUFFICIENT_LIQUIDITY", {
        requested: intent.shares,
        available,
        maxShares: floorToLot(walk.filled),
      });
};

/** The book holds enough shares, but not within the limit price that caps slippage. */
export const checkSlippage: RiskCheck = (order, _snapshot, limits) => {
  const { intent, walk, limitPrice, market } = order;
  if (!market || walk.complete || limitPrice === null) return null;
  if (sideDepth(market.book, order) < intent.shares) return null;
  return deny("SLIPPAGE_EXCEEDED", {
    requested: intent.shares,
    limitPrice,
    maxSlippageBps: limits.maxSlippageBps,
    maxShares: floorToLot(walk.filled),
  });
};
