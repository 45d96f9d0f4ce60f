import { price, shares } from "@open-trade/risk-engine";
import type { WsPriceChangeEvent } from "./ws-market-event.ts";

const DECIMAL = /^\d*\.?\d+$|^\d+\.$/;
const MILLIS = /^\d+$/;

/**
 * Hot path for the most frequent market-channel event. It accepts only the exact well-formed shape and
 * returns null for anything else, so the caller falls back to the zod schema, which names the bad field.
 * Values still go through the exact parsers; this only skips zod's generic machinery.
 */
export function fastPriceChange(frame: unknown): WsPriceChangeEvent | null {
  const event = frame as { market?: unknown; timestamp?: unknown; price_changes?: unknown };
  if (
    typeof event.market !== "string" ||
    typeof event.timestamp !== "string" ||
    !MILLIS.test(event.timestamp)
  )
    return null;
  if (!Array.isArray(event.price_changes)) return null;
  const changes: WsPriceChangeEvent["price_changes"] = [];
  for (const raw of event.price_changes as Array<Record<string, unknown>>) {
    const { asset_id, price: p, size, side, hash, best_bid, best_ask } = raw ?? {};
    if (typeof asset_id !== "string" || typeof p !== "string" || typeof size !== "string") return null;
    if (!DECIMAL.test(p) || !DECIMAL.test(size) || (side !== "BUY" && side !== "SELL")) return null;
    if (hash !== undefined && typeof hash !== "string") return null;
    if ((best_bid !== undefined && best_bid !== "") || (best_ask !== undefined && best_ask !== "")) {
      if (typeof best_bid !== "string" || typeof best_ask !== "string") return null;
      if ((best_bid !== "" && !DECIMAL.test(best_bid)) || (best_ask !== "" && !DECIMAL.test(best_ask)))
        return null;
    }
    try {
      changes.push({
        asset_id,
        price: price(p),
        size: shares(size),
        side,
        ...(hash === undefined ? {} : { hash }),
        best_bid: typeof best_bid === "string" && best_bid !== "" ? price(best_bid) : null,
        best_ask: typeof best_ask === "string" && best_ask !== "" ? price(best_ask) : null,
      });
    } catch {
      return null;
    }
  }
  return {
    event_type: "price_change",
    market: event.market,
    timestamp: Number(event.timestamp),
    price_changes: changes,
  };
}
