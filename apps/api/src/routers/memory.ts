import { schema } from "@open-trade/db";
import { botContextSchema, emptyBotContext } from "@open-trade/llm";
import { eq } from "drizzle-orm";
import { botProcedure, router } from "../trpc.ts";

const c = schema.botContext;

export const memoryRouter = router({
  /** The lessons the bot carries into its next decisions (bot_context). */
  get: botProcedure.query(async ({ ctx }) => {
    const [row] = await ctx.tx
      .select({ context: c.contextJson, updatedAt: c.updatedAt })
      .from(c)
      .where(eq(c.botId, ctx.bot.id));
    const parsed = botContextSchema.safeParse(row?.context ?? {});
    return {
      memory: parsed.success ? parsed.data : emptyBotContext(),
      updatedAt: row ? row.updatedAt.toISOString() : null,
    };
  }),
});
