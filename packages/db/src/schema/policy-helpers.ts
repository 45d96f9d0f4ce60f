import { sql } from "drizzle-orm";

// The two ownership tests every policy uses, as the migrations write them.
export const isCurrentUser = (column: string) => sql.raw(`${column} = (select auth.uid())`);
export const isOwnedBot = sql.raw("bot_id in (select private.owned_bot_ids())");
