import { schema, type Transaction } from "@open-trade/db";
import { and, eq } from "drizzle-orm";

export type BotRow = typeof schema.bots.$inferSelect;

/** The bot if the user owns it; the explicit user filter keeps the lookup on an index, RLS guards it. */
export async function findOwnedBot(tx: Transaction, userId: string, botId: string): Promise<BotRow | null> {
  const [bot] = await tx
    .select()
    .from(schema.bots)
    .where(and(eq(schema.bots.id, botId), eq(schema.bots.userId, userId)));
  return bot ?? null;
}
