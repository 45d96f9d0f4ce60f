import { modeOf } from "@open-trade/db/queries";
import type { BotRow } from "./bot-settings.ts";
import { settingsOf } from "./bot-settings.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What a client sees of a bot: its settings, state and compiled recipe. Nothing secret lives on a bot. */
export function botView(bot: BotRow) {
  return {
    id: bot.id,
    status: bot.status,
    mode: modeOf(bot.status),
    settings: settingsOf(bot),
    recipe: (bot.recipeJson ?? null) as Record<string, unknown> | null,
    createdAt: bot.createdAt.toISOString(),
    lastRunAt: iso(bot.lastRunAt),
    archivedAt: iso(bot.archivedAt),
  };
}
