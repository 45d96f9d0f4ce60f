import { schema } from "@open-trade/db";
import { botList } from "@open-trade/db/queries";
import { checkBotCount } from "@open-trade/risk-engine";
import { and, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { ApiError } from "../errors/api-error.ts";
import { createBotInput, updateBotInput } from "../inputs/index.ts";
import { authedProcedure, botProcedure, router } from "../trpc.ts";
import { botControls } from "./bot-controls.ts";
import { chosenRecipe } from "./bot-recipe.ts";
import { assertValidSettings, settingsOf, toColumns } from "./bot-settings.ts";
import { botView } from "./bot-view.ts";
import { goLive } from "./go-live.ts";
import { findOwnedBot } from "./owned-bot.ts";

const b = schema.bots;

export const botsRouter = router({
  /** The user's bots with status, mode, trading state, last evaluation, PnL today and model spend today. */
  list: authedProcedure
    .input(z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }))
    .query(({ ctx, input }) =>
      botList(ctx.tx, ctx.me.id, { now: ctx.deps.clock.now(), includeArchived: input.includeArchived }),
    ),

  byId: botProcedure.query(async ({ ctx }) => {
    const [today] = await botList(ctx.tx, ctx.me.id, {
      now: ctx.deps.clock.now(),
      botId: ctx.bot.id,
      includeArchived: true,
    });
    return { ...botView(ctx.bot), today: today ?? null };
  }),

  /** A new bot starts paused; resume puts it on paper. Every limit goes through the risk engine's validator. */
  create: authedProcedure.input(createBotInput).mutation(async ({ ctx, input }) => {
    const [existing] = await ctx.tx
      .select({ n: count() })
      .from(b)
      .where(and(eq(b.userId, ctx.me.id), isNull(b.archivedAt)));
    const tooMany = checkBotCount(ctx.me.tier, existing?.n ?? 0);
    if (tooMany) throw new ApiError("TIER_LIMIT", tooMany.message);
    const { templateId, recipe, ...settings } = input;
    assertValidSettings(settings, ctx.me.tier, "paused");
    const recipeJson = chosenRecipe({ templateId, recipe });
    const [bot] = await ctx.tx
      .insert(b)
      .values({
        ...toColumns(settings),
        ...(recipeJson ? { recipeJson } : {}),
        userId: ctx.me.id,
        status: "paused",
      })
      .returning();
    if (!bot) throw new Error("insert returned no bot");
    return botView(bot);
  }),

  /** Changes some settings; the whole result is validated, so a change cannot leave an invalid bot. */
  update: authedProcedure.input(updateBotInput).mutation(async ({ ctx, input }) => {
    const bot = await findOwnedBot(ctx.tx, ctx.me.id, input.botId);
    if (!bot) throw new ApiError("NOT_FOUND", "No such bot.");
    assertValidSettings({ ...settingsOf(bot), ...input.settings }, ctx.me.tier, bot.status);
    const recipeJson = chosenRecipe(input);
    const changes = { ...toColumns(input.settings), ...(recipeJson ? { recipeJson } : {}) };
    if (Object.keys(changes).length === 0) return botView(bot);
    const [updated] = await ctx.tx
      .update(b)
      .set(changes)
      .where(and(eq(b.id, bot.id), eq(b.userId, ctx.me.id)))
      .returning();
    if (!updated) throw new ApiError("NOT_FOUND", "No such bot.");
    return botView(updated);
  }),

  ...botControls,
  ...goLive,
});
