import type { LedgerTrade } from "../src/features/ledger/visible-trades.ts";

const BOTS = ["Fade long shots", "Momentum", "Election hedger", "Weather watcher"];
const REASONS = [
  "YES at 7¢ is a long shot",
  "momentum turned",
  "hedging the election book",
  "rain forecast moved",
];

/** `count` trades, newest first, deterministic, with exact decimal strings as the API sends them. */
export function syntheticTrades(count: number): LedgerTrade[] {
  const start = Date.parse("2026-12-01T00:00:00.000Z");
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-8000-${i.toString().padStart(12, "0")}`,
    botId: `b${i % BOTS.length}`,
    botName: BOTS[i % BOTS.length] ?? "",
    marketId: `0x${(i % 500).toString(16).padStart(64, "0")}`,
    tokenId: `${i % 1000}`,
    mode: i % 7 === 0 ? "live" : "paper",
    side: i % 3 === 0 ? "sell" : "buy",
    size: `${(i % 90) + 10}.${i % 100}`,
    price: `0.${((i % 98) + 1).toString().padStart(2, "0")}`,
    feeUsd: "0.01",
    reasoning: REASONS[i % REASONS.length] ?? "",
    orderId: null,
    createdAt: new Date(start - i * 60_000).toISOString(),
  }));
}
