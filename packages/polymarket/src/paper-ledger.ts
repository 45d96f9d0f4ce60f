import { divCeil, MICROS, type Price, type Shares, type Usd } from "@open-trade/risk-engine";
import type { OpenOrder } from "./execution.ts";
import type { TokenId } from "./market-data.ts";

/** Cash, positions and resting orders of one paper account; all amounts exact micro-units. */
export class PaperLedger {
  cash: Usd;
  readonly positions = new Map<TokenId, Shares>();
  readonly open = new Map<string, OpenOrder>();

  constructor(startingCash: Usd, holdings: Iterable<readonly [TokenId, Shares]> = []) {
    this.cash = startingCash;
    for (const [tokenId, held] of holdings) {
      if (held < 0n)
        throw new RangeError(
          `Paper holdings cannot be negative: token ${tokenId} was given ${held} micro-shares.`,
        );
      if (held > 0n) this.positions.set(tokenId, (this.position(tokenId) + held) as Shares);
    }
  }

  position(tokenId: TokenId): Shares {
    return this.positions.get(tokenId) ?? (0n as Shares);
  }

  /** Cash not promised to resting BUY orders. */
  freeCash(): Usd {
    let locked = 0n;
    for (const order of this.open.values()) {
      if (order.side === "BUY")
        locked += restingCost(order.originalShares - order.matchedShares, order.price);
    }
    return (this.cash - locked) as Usd;
  }

  /** Shares not promised to resting SELL orders. */
  freeShares(tokenId: TokenId): Shares {
    let locked = 0n;
    for (const order of this.open.values()) {
      if (order.side === "SELL" && order.tokenId === tokenId)
        locked += order.originalShares - order.matchedShares;
    }
    return (this.position(tokenId) - locked) as Shares;
  }

  applyFill(tokenId: TokenId, side: "BUY" | "SELL", filled: Shares, cost: Usd, fee: Usd): void {
    const sign = side === "BUY" ? 1n : -1n;
    this.positions.set(tokenId, (this.position(tokenId) + sign * filled) as Shares);
    this.cash = (side === "BUY" ? this.cash - cost - fee : this.cash + cost - fee) as Usd;
  }

  /** Pays 1 USD per winning share and nothing for the others; returns what was paid out. */
  settle(tokenIds: readonly TokenId[], winningTokenId: TokenId): Usd {
    let paid = 0n;
    for (const tokenId of tokenIds) {
      if (tokenId === winningTokenId) paid += this.position(tokenId);
      this.positions.delete(tokenId);
      for (const [id, order] of this.open) if (order.tokenId === tokenId) this.open.delete(id);
    }
    this.cash = (this.cash + paid) as Usd;
    return paid as Usd;
  }
}

/** What resting `shares` at `price` can cost at most, rounded up so a lock never under-reserves. */
export function restingCost(shares: bigint, price: Price): Usd {
  return divCeil(shares * price, MICROS) as Usd;
}
