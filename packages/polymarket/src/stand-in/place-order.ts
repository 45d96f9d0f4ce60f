import { divCeil, formatMicros, MICROS } from "@open-trade/risk-engine";
import {
  belowMinSize,
  breaksTick,
  duplicatedOrder,
  EXCHANGE_MESSAGES,
  ExchangeError,
} from "./exchange-error.ts";
import type { ExchangeState } from "./exchange-state.ts";
import { takerFee } from "./fees.ts";
import { applyFills, type MatchPlan, planMatch, type TakerIntent } from "./matching-engine.ts";
import { addEntry } from "./order-book.ts";
import { orderHash, type PostedOrder, recoverOrderSigner } from "./order-signature.ts";
import { moveShares, recordTrades } from "./settlement.ts";
import type { Account, ApiCredentials, Market, Order } from "./types.ts";

/** The exchange's `OrderResponse` (reference V2 §2.1); amounts are 6-decimal integer strings, "" when unset. */
export interface OrderResponse {
  readonly success: true;
  readonly errorMsg: "";
  readonly orderID: string;
  readonly status: "live" | "matched";
  readonly makingAmount: string;
  readonly takingAmount: string;
  readonly transactionsHashes: string[];
  readonly tradeIDs: string[];
}

export interface PlaceContext {
  readonly chainId: number;
  readonly nowMs: number;
  /** > 0 while the late-trades fault is on: trades stay invisible (and hash-less in the response) this long. */
  readonly tradeDelayMs: number;
}

/** The server applies a one-minute safety margin to GTD expirations (reference V1 §6). */
const GTD_MARGIN_S = 60n;

const bad = (message: string): never => {
  throw new ExchangeError(400, message);
};

function lockedUsd(state: ExchangeState, address: string): bigint {
  let locked = 0n;
  for (const order of state.liveOrdersOf(address)) {
    if (order.side === "BUY") locked += divCeil(order.originalSize - order.sizeMatched * order.price, MICROS);
  }
  return locked;
}

function freeShares(state: ExchangeState, account: Account, tokenId: string): bigint {
  let locked = 0n;
  for (const order of state.liveOrdersOf(account.address)) {
    if (order.side === "SELL" && order.tokenId === tokenId) locked += order.originalSize - order.sizeMatched;
  }
  return (account.positions.get(tokenId) ?? 0n) - locked;
}

async function authenticate(
  state: ExchangeState,
  posted: PostedOrder,
  creds: ApiCredentials,
  chainId: number,
) {
  const { order } = posted;
  if (posted.owner !== creds.apiKey) bad(EXCHANGE_MESSAGES.ownerMismatch);
  const token = state.tokens.get(order.tokenId) ?? bad(EXCHANGE_MESSAGES.invalidTokenId);
  const market = token.market;
  const id = orderHash(order, market.negRisk, chainId);
  const signer = order.signer.toLowerCase();
  if ((await recoverOrderSigner(order, market.negRisk, chainId)) !== signer)
    bad(EXCHANGE_MESSAGES.invalidSignature);
  if (signer !== creds.address) bad(EXCHANGE_MESSAGES.signerMismatch);
  if (order.signatureType === 0 && order.maker.toLowerCase() !== signer) bad("maker address not allowed");
  if (order.signatureType === 3)
    bad("signature type POLY_1271 is not supported by the stand-in exchange; use EOA (0)");
  if (market.closed) bad(EXCHANGE_MESSAGES.marketClosed);
  return { id, market, signer, outcome: token.outcome.outcome };
}

/** Limit orders must sit exactly on the tick grid and meet the market's minimum size. */
function limitPrice(id: string, market: Market, usd: bigint, shares: bigint): bigint {
  const exact = (usd * MICROS) % shares === 0n;
  const price = (usd * MICROS) / shares;
  if (!exact || price % market.tickSize !== 0n || price <= 0n || price >= MICROS) {
    bad(breaksTick(id, formatMicros(price), formatMicros(market.tickSize)));
  }
  if (shares < market.minOrderSize)
    bad(belowMinSize(id, formatMicros(shares), formatMicros(market.minOrderSize)));
  return price;
}

function requireFunds(
  state: ExchangeState,
  account: Account,
  intent: TakerIntent,
  plan: MatchPlan,
  restLock: bigint,
  fee: bigint,
  tokenId: string,
): void {
  if (intent.side === "BUY") {
    const need = plan.notional + fee + restLock;
    const free = account.balance - lockedUsd(state, account.address);
    if (need > free || need > account.allowance) bad(EXCHANGE_MESSAGES.notEnoughBalance);
  } else if (intent.size.amount > freeShares(state, account, tokenId)) {
    bad(EXCHANGE_MESSAGES.notEnoughBalance);
  }
}

/** Validates, matches and settles one posted order the way the CLOB does; throws ExchangeError on rejection. */
export async function placeOrder(
  state: ExchangeState,
  posted: PostedOrder,
  creds: ApiCredentials,
  context: PlaceContext,
): Promise<OrderResponse> {
  const { order, orderType } = posted;
  const { id, market, signer, outcome } = await authenticate(state, posted, creds, context.chainId);
  // From here to seenOrderIds.add there is no await, so two concurrent copies cannot both pass this check.
  if (state.seenOrderIds.has(id)) bad(duplicatedOrder(id));
  const isMarketOrder = orderType === "FOK" || orderType === "FAK";
  if (posted.postOnly && isMarketOrder) bad(EXCHANGE_MESSAGES.postOnlyType);
  const buying = order.side === "BUY";
  const usd = buying ? order.makerAmount : order.takerAmount;
  const shares = buying ? order.takerAmount : order.makerAmount;
  if (usd === 0n || shares === 0n) bad(EXCHANGE_MESSAGES.invalidPayload);
  const nowS = BigInt(Math.floor(context.nowMs / 1000));
  if (orderType === "GTD" && order.expiration - GTD_MARGIN_S <= nowS)
    bad(EXCHANGE_MESSAGES.invalidExpiration);
  const price = isMarketOrder ? 0n : limitPrice(id, market, usd, shares);
  const intent: TakerIntent = {
    side: order.side,
    limit: { usd, shares },
    size: buying && isMarketOrder ? { kind: "usd", amount: usd } : { kind: "shares", amount: shares },
    owner: signer,
  };
  const book = state.book(order.tokenId);
  const opposite = buying ? book.asks : book.bids;
  const plan = planMatch(opposite, intent);
  if (orderType === "FOK" && !plan.complete) bad(EXCHANGE_MESSAGES.fokNotFilled);
  if (orderType === "FAK" && plan.fills.length === 0) bad(EXCHANGE_MESSAGES.fakNoMatch);
  if (posted.postOnly && plan.fills.length > 0) bad(EXCHANGE_MESSAGES.postOnlyCrosses);
  const rests = !isMarketOrder && !plan.complete;
  const restShares = rests ? shares - plan.shares : 0n;
  const fee = takerFee(plan.fills, market.feeRateBps, market.feeExponent);
  const account = state.account(signer);
  requireFunds(
    state,
    account,
    intent,
    plan,
    buying ? divCeil(restShares * price, MICROS) : 0n,
    fee,
    order.tokenId,
  );

  state.seenOrderIds.add(id);
  const record: Order = {
    id,
    owner: creds.apiKey,
    signer,
    makerAddress: order.maker.toLowerCase(),
    market: market.conditionId,
    tokenId: order.tokenId,
    outcome,
    side: order.side,
    orderType,
    price: isMarketOrder ? (plan.fills.at(-1)?.price ?? 0n) : price,
    originalSize: isMarketOrder ? plan.shares : shares,
    sizeMatched: plan.shares,
    status: rests ? "LIVE" : "MATCHED",
    createdAt: Number(nowS),
    expiration: orderType === "GTD" ? order.expiration : 0n,
    associateTrades: [],
  };
  state.orders.set(id, record);
  state.mutateBook(order.tokenId, (mutable) => {
    applyFills(buying ? mutable.asks : mutable.bids, plan.fills);
    if (rests) addEntry(mutable, order.side, price, { orderId: id, owner: signer, size: restShares });
  });
  const visibleAt = context.nowMs + context.tradeDelayMs;
  const taker = { orderId: id, owner: creds.apiKey, address: signer, side: order.side };
  const trades = recordTrades(state, market, order.tokenId, taker, plan.fills, context.nowMs, visibleAt);
  record.associateTrades.push(...trades.map((trade) => trade.id));
  if (buying) {
    account.balance -= plan.notional + fee;
    moveShares(account, order.tokenId, plan.shares);
  } else {
    moveShares(account, order.tokenId, -plan.shares);
    account.balance += plan.notional - fee;
  }
  const gave = buying ? plan.notional + fee : plan.shares;
  const got = buying ? plan.shares : plan.notional - fee;
  return {
    success: true,
    errorMsg: "",
    orderID: id,
    status: plan.fills.length > 0 ? "matched" : "live",
    makingAmount: plan.fills.length > 0 ? gave.toString() : "",
    takingAmount: plan.fills.length > 0 ? got.toString() : "",
    transactionsHashes: context.tradeDelayMs > 0 ? [] : trades.map((trade) => trade.transactionHash),
    tradeIDs: trades.map((trade) => trade.id),
  };
}
