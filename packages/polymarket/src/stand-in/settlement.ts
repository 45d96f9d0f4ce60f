import { divCeil, MICROS } from "@open-trade/risk-engine";
import { keccak256, stringToHex } from "viem";
import type { ExchangeState } from "./exchange-state.ts";
import type { Account, MakerFill, Market, Side, Trade } from "./types.ts";

/** Trade ids look like the exchange's UUIDs but come from a counter, so a seeded run is reproducible. */
export function tradeId(sequence: number): string {
  return `00000000-0000-4000-8000-${sequence.toString(16).padStart(12, "0")}`;
}

const position = (account: Account, tokenId: string): bigint => account.positions.get(tokenId) ?? 0n;

export function moveShares(account: Account, tokenId: string, delta: bigint): void {
  account.positions.set(tokenId, position(account, tokenId) + delta);
}

/** Books one maker fill to the maker's order and account (makers pay no fee on Polymarket). */
function settleMaker(
  state: ExchangeState,
  tokenId: string,
  fill: MakerFill,
  makerSide: Side,
  id: string,
): void {
  if (fill.orderId === null || fill.owner === null) return;
  const order = state.orders.get(fill.orderId);
  if (order) {
    order.sizeMatched += fill.shares;
    if (order.sizeMatched >= order.originalSize) order.status = "MATCHED";
    order.associateTrades.push(id);
  }
  const account = state.account(fill.owner);
  if (makerSide === "BUY") {
    account.balance -= divCeil(fill.shares * fill.price, MICROS);
    moveShares(account, tokenId, fill.shares);
  } else {
    moveShares(account, tokenId, -fill.shares);
    account.balance += (fill.shares * fill.price) / MICROS;
  }
}

export interface TakerSide {
  readonly orderId: string;
  /** API key, or "house" when simulated liquidity takes a resting user order. */
  readonly owner: string;
  /** Lower-cased address, or null for the house. */
  readonly address: string | null;
  readonly side: Side;
}

/**
 * Records one trade per price level a taker hit, settles makers and taker, and publishes last-trade events.
 * The taker's fee is charged by the caller, once per order.
 */
export function recordTrades(
  state: ExchangeState,
  market: Market,
  tokenId: string,
  taker: TakerSide,
  fills: readonly MakerFill[],
  nowMs: number,
  visibleAt: number,
): Trade[] {
  const outcome = state.tokens.get(tokenId)?.outcome.outcome ?? "";
  const byPrice = new Map<bigint, MakerFill[]>();
  for (const fill of fills) byPrice.set(fill.price, [...(byPrice.get(fill.price) ?? []), fill]);
  const trades: Trade[] = [];
  const makerSide: Side = taker.side === "BUY" ? "SELL" : "BUY";
  for (const [price, group] of byPrice) {
    const id = tradeId(state.nextSequence());
    const size = group.reduce((sum, fill) => sum + fill.shares, 0n);
    for (const fill of group) settleMaker(state, tokenId, fill, makerSide, id);
    const trade: Trade = {
      id,
      takerOrderId: taker.orderId,
      market: market.conditionId,
      assetId: tokenId,
      outcome,
      side: taker.side,
      size,
      price,
      feeRateBps: market.feeRateBps,
      matchTime: Math.floor(nowMs / 1000),
      owner: taker.owner,
      takerAddress: taker.address ?? "",
      transactionHash: keccak256(stringToHex(`stand-in-trade:${id}`)),
      makers: group.map((fill) => ({
        ...fill,
        makerOrder: fill.orderId ? (state.orders.get(fill.orderId) ?? null) : null,
      })),
      visibleAt,
    };
    state.trades.push(trade);
    trades.push(trade);
    state.book(tokenId).lastTrade = { price, side: taker.side, size };
    state.emit({ type: "trade", tokenId, price, side: taker.side, size, feeRateBps: market.feeRateBps });
  }
  return trades;
}
