import type { Shares } from "../money/units.ts";

/** Polymarket accepts sizes with 2 decimals for every tick size: every order moves whole 0.01-share lots. */
export const LOT: Shares = 10_000n as Shares;

/** The largest whole number of lots in `quantity`: what an order can carry of it. */
export const floorToLot = (quantity: bigint): Shares => (quantity - (quantity % LOT)) as Shares;

/**
 * Shares no order can ever sell: less than one lot (none included). A market buy sized like Polymarket's own
 * client receives 4 to 6 share decimals, so selling all of it in lots leaves such a remainder. A position of
 * dust counts as closed for exits, exposure, concurrent markets and open positions; the ledger still keeps
 * its exact shares (they pay out at resolution like any other).
 */
export const isDust = (shares: bigint): boolean => shares < LOT;
