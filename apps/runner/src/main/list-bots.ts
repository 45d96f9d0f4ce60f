import type { RawSql } from "@open-trade/db";
import type { KnownBot } from "../view/bot-board.ts";

/** Every bot, so the board lists each one before its first evaluation in this process. */
export async function listBots(raw: RawSql): Promise<KnownBot[]> {
  const { rows } = await raw.query<{ id: string; name: string; status: string }>(
    "select id, name, status::text as status from public.bots order by priority desc, name, id",
  );
  return rows.map((row) => ({
    botId: row.id,
    botName: row.name,
    mode: row.status === "live" ? "live" : "paper",
    status: row.status,
  }));
}
