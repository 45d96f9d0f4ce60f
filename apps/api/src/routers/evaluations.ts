import { decodeCursor, evaluationDetail, evaluationsPage } from "@open-trade/db/queries";
import { ApiError } from "../errors/api-error.ts";
import { botPageInput, evaluationByIdInput } from "../inputs/index.ts";
import { authedProcedure, botProcedure, router } from "../trpc.ts";

export const evaluationsRouter = router({
  /** Why the bot did what it did, one record per evaluation, newest first. */
  list: botProcedure.input(botPageInput).query(({ ctx, input }) => {
    const before = input.cursor ? decodeCursor(input.cursor) : undefined;
    if (before === null) throw new ApiError("INVALID_SETTINGS", "That cursor is not one this API gave out.");
    return evaluationsPage(ctx.tx, ctx.me.id, ctx.bot.id, {
      limit: input.limit,
      ...(before ? { before } : {}),
    });
  }),

  /** One evaluation: inputs, decision, every risk check that refused (by code), and the fills it made. */
  byId: authedProcedure.input(evaluationByIdInput).query(async ({ ctx, input }) => {
    const detail = await evaluationDetail(ctx.tx, ctx.me.id, input.evaluationId);
    if (!detail) throw new ApiError("NOT_FOUND", "No such evaluation.");
    return detail;
  }),
});
