import { formatUsd, type Usd, usd } from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import type { Transaction } from "../client/with-user.ts";
import { utcDay } from "./ledger-fold.ts";
import { ownedBotIds } from "./owned-bots.ts";
import { selectRows } from "./rows.ts";
import type { Mode } from "./trades-page.ts";

export interface DayPnl {
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  /** Realized PnL net of fees, exact decimal string. */
  readonly realizedPnlUsd: string;
}

/**
 * Realized PnL per UTC day for the last `days` days (today included), oldest first, one mode only. Reads
 * `ledger_pnl_days`, which the ledger's insert trigger keeps equal to the fold of the ledger (ledger-pnl.test.ts).
 */
export async function pnlPerDay(
  tx: Transaction,
  userId: string,
  options: { readonly mode: Mode; readonly days: number; readonly now: Date; readonly botId?: string },
): Promise<DayPnl[]> {
  const first = utcDay(new Date(options.now.getTime() - (options.days - 1) * 86_400_000));
  const rows = await selectRows<{ day: string; realized: string }>(
    tx,
    sql`select to_char(d.day, 'YYYY-MM-DD') as day, sum(d.realized_pnl_usd)::text as realized
          from public.ledger_pnl_days d
         where d.bot_id in (${ownedBotIds(userId)}) and d.type = ${options.mode}::public.trade_type
           and d.day between ${first}::date and ${utcDay(options.now)}::date
           ${options.botId ? sql`and d.bot_id = ${options.botId}` : sql``}
         group by d.day`,
  );
  const byDay = new Map(rows.map((r) => [r.day, usd(r.realized)]));
  const result: DayPnl[] = [];
  for (let back = options.days - 1; back >= 0; back -= 1) {
    const day = utcDay(new Date(options.now.getTime() - back * 86_400_000));
    result.push({ day, realizedPnlUsd: formatUsd((byDay.get(day) ?? 0n) as Usd) });
  }
  return result;
}
