import type { Transaction } from "../client/with-user.ts";
import { realizedOn, realizedPnlByDay, utcDay } from "./ledger-fold.ts";
import type { Mode } from "./trades-page.ts";

export interface DayPnl {
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  /** Realized PnL net of fees, exact decimal string. */
  readonly realizedPnlUsd: string;
}

/** Realized PnL per UTC day for the last `days` days (today included), oldest first, one mode only. */
export async function pnlPerDay(
  tx: Transaction,
  userId: string,
  options: { readonly mode: Mode; readonly days: number; readonly now: Date; readonly botId?: string },
): Promise<DayPnl[]> {
  const byBot = await realizedPnlByDay(tx, userId, options.mode, options.botId);
  const result: DayPnl[] = [];
  for (let back = options.days - 1; back >= 0; back -= 1) {
    const day = utcDay(new Date(options.now.getTime() - back * 86_400_000));
    result.push({ day, realizedPnlUsd: realizedOn(byBot, day) });
  }
  return result;
}
