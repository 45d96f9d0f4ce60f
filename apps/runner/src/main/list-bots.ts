import type { RawSql } from "@open-trade/db";
import type { KnownBot } from "../view/bot-board.ts";

interface Row {
  id: string;
  name: string;
  status: string;
  outcome: string | null;
  reason: string | null;
  trading_state: string | null;
  finished_ms: string | null;
}

/** Every bot with its latest finished evaluation, so the board lists each one before it runs in this process. */
export async function listBots(raw: RawSql): Promise<KnownBot[]> {
  const { rows } = await raw.query<Row>(
    `select b.id, b.name, b.status::text as status, e.outcome::text as outcome, e.reason,
            e.trading_state, floor(extract(epoch from e.finished_at) * 1000)::bigint::text as finished_ms
       from public.bots b
       left join lateral (
         select outcome, reason, trading_state, finished_at from public.bot_evaluations
          where bot_id = b.id and finished_at is not null order by started_at desc limit 1) e on true
      order by b.priority desc, b.name, b.id`,
  );
  return rows.map((row) => ({
    botId: row.id,
    botName: row.name,
    mode: row.status === "live" ? "live" : "paper",
    status: row.status,
    ...(row.outcome !== null && row.finished_ms !== null
      ? {
          last: {
            outcome: row.outcome,
            reason: row.reason ?? "",
            tradingState: row.trading_state ?? "-",
            at: new Date(Number(row.finished_ms)),
          },
        }
      : {}),
  }));
}
