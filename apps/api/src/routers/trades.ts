import { decodeCursor, tradesPage } from "@open-trade/db/queries";
import { ApiError } from "../errors/api-error.ts";
import { tradesListInput } from "../inputs/index.ts";
import { authedProcedure, router } from "../trpc.ts";

export const tradesRouter = router({
  /** The user's fills, newest first, filtered by bot, market, mode, side and time; `nextCursor` pages on. */
  list: authedProcedure.input(tradesListInput).query(({ ctx, input }) => {
    const before = input.cursor ? decodeCursor(input.cursor) : undefined;
    if (before === null) throw new ApiError("INVALID_SETTINGS", "That cursor is not one this API gave out.");
    const { cursor: _cursor, limit, from, to, ...filter } = input;
    return tradesPage(
      ctx.tx,
      ctx.me.id,
      { ...filter, ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) },
      { limit, ...(before ? { before } : {}) },
    );
  }),
});
