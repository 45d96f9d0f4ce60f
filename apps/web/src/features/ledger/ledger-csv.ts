import { toCsv } from "../../lib/csv.ts";
import { fillNotional } from "../trace/fill-math.ts";
import type { LedgerTrade } from "./visible-trades.ts";

const HEADER = [
  "time_utc",
  "trade_id",
  "bot",
  "mode",
  "market_id",
  "token_id",
  "side",
  "shares",
  "price",
  "cost_usd",
  "fee_usd",
  "order_id",
] as const;

/** The ledger as CSV, from the API's exact strings (cost is their exact product); rows in the order shown. */
export function ledgerCsv(trades: readonly LedgerTrade[]): string {
  return toCsv(
    HEADER,
    trades.map((t) => [
      t.createdAt,
      t.id,
      t.botName,
      t.mode,
      t.marketId,
      t.tokenId ?? "",
      t.side,
      t.size,
      t.price,
      fillNotional(t.size, t.price),
      t.feeUsd,
      t.orderId ?? "",
    ]),
  );
}

/** Hands the CSV to the browser as a download named after the moment it was made. */
export function downloadCsv(csv: string, now = new Date()) {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `open-trade-ledger-${now.toISOString().slice(0, 19).replaceAll(":", "")}Z.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
