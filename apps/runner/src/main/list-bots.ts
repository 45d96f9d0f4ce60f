import type { Database } from "@open-trade/db";
import { asService } from "@open-trade/db/service";
import { listBots as listBotRows } from "../store/bots.ts";
import type { KnownBot } from "../view/bot-board.ts";

/** Every bot with its latest finished evaluation, so the board lists each one before it runs in this process. */
export async function listBots(db: Database): Promise<KnownBot[]> {
  const bots = await asService(db, (tx) => listBotRows(tx));
  return bots.map((bot) => ({
    botId: bot.id,
    botName: bot.name,
    mode: bot.status === "live" ? "live" : "paper",
    status: bot.status,
    ...(bot.last
      ? {
          last: {
            outcome: bot.last.outcome,
            reason: bot.last.reason ?? "",
            tradingState: bot.last.tradingState ?? "-",
            at: new Date(bot.last.finishedMs),
          },
        }
      : {}),
  }));
}
