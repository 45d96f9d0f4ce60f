import { schema } from "@open-trade/db";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { pageLimitInput } from "../inputs/index.ts";
import { botProcedure, router } from "../trpc.ts";

const f = schema.botFailures;

export const failuresRouter = router({
  /** The bot's past mistakes and the adaptation each one taught it, newest first. */
  list: botProcedure.input(z.object({ limit: pageLimitInput.default(50) })).query(async ({ ctx, input }) => {
    const rows = await ctx.tx
      .select({
        id: f.id,
        errorType: f.errorType,
        marketId: f.marketId,
        adaptationNote: f.adaptationNote,
        createdAt: f.createdAt,
      })
      .from(f)
      .where(eq(f.botId, ctx.bot.id))
      .orderBy(desc(f.createdAt))
      .limit(input.limit);
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }),
});
