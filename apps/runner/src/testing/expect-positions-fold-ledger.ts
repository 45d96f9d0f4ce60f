import type { RawSql } from "@open-trade/db";
import { foldHoldings } from "@open-trade/db/queries";
import { price, shares, usd } from "@open-trade/risk-engine";
import { expect } from "vitest";

/**
 * Every position row of each bot equals the risk engine's fold of that bot's ledger rows in the same mode
 * (paper or live), exactly: shares, cost basis and realized PnL, and no position without ledger rows or
 * ledger rows without a position.
 */
export async function expectPositionsFoldLedger(raw: RawSql, botIds: readonly string[]): Promise<void> {
  const { rows: ledger } = await raw.query<{
    bot_id: string;
    type: string;
    market_id: string;
    token_id: string;
    action: string;
    size: string;
    price: string;
    fee: string;
  }>(
    `select bot_id, type::text as type, market_id, token_id, action::text as action, size::text as size,
            execution_price::text as price, fee_usd::text as fee
       from public.trade_logs where bot_id = any($1::uuid[]) order by created_at, id`,
    [botIds],
  );
  const { rows: positions } = await raw.query<{
    bot_id: string;
    type: string;
    token_id: string;
    shares: string;
    basis: string;
    realized: string;
  }>(
    `select bot_id, type::text as type, token_id, total_shares::text as shares, cost_basis_usd::text as basis,
            realized_pnl_usd::text as realized
       from public.positions where bot_id = any($1::uuid[])`,
    [botIds],
  );
  for (const [bot, mode] of botIds.flatMap((b) => [[b, "paper"] as const, [b, "live"] as const])) {
    const folded = foldHoldings(
      ledger
        .filter((r) => r.bot_id === bot && r.type === mode)
        .map((r, i) => ({
          mode,
          marketId: r.market_id,
          tokenId: r.token_id,
          side: r.action === "buy" ? ("BUY" as const) : ("SELL" as const),
          shares: shares(r.size),
          price: price(r.price),
          fee: usd(r.fee),
          atMs: i,
        })),
    );
    const held = positions.filter((p) => p.bot_id === bot && p.type === mode);
    expect(held.length, `${mode} positions of bot ${bot}`).toBe(folded.size);
    for (const row of held) {
      expect(
        { shares: shares(row.shares), costBasis: usd(row.basis), realizedPnl: usd(row.realized) },
        `${mode} position ${bot}/${row.token_id}`,
      ).toEqual(folded.get(row.token_id)?.position);
    }
  }
}
