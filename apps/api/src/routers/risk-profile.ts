import { schema, type Transaction } from "@open-trade/db";
import { eq } from "drizzle-orm";
import { ApiError } from "../errors/api-error.ts";
import { riskProfileUpdateInput } from "../inputs/index.ts";
import { authedProcedure, router } from "../trpc.ts";

const p = schema.userRiskProfiles;
const columns = {
  defaultDailyLossUsd: p.defaultDailyLossUsd,
  defaultPositionSizeUsd: p.defaultPositionSizeUsd,
  defaultSlippageThresholdPercent: p.defaultSlippageThresholdPercent,
  globalRiskBudgetUsd: p.globalRiskBudgetUsd,
  updatedAt: p.updatedAt,
};

async function readProfile(tx: Transaction, userId: string) {
  const [row] = await tx.select(columns).from(p).where(eq(p.userId, userId));
  if (!row) throw new ApiError("NOT_FOUND", "Your risk profile is missing; contact support.");
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}

/** The user's defaults: a bot's unset limit falls back to these. Amounts are exact decimal strings. */
export const riskProfileRouter = router({
  get: authedProcedure.query(({ ctx }) => readProfile(ctx.tx, ctx.me.id)),
  update: authedProcedure.input(riskProfileUpdateInput).mutation(async ({ ctx, input }) => {
    if (Object.keys(input).length > 0) {
      // The database's checks (not negative, at most 100 %) answer through the error map, per constraint.
      await ctx.tx.update(p).set(input).where(eq(p.userId, ctx.me.id));
    }
    return readProfile(ctx.tx, ctx.me.id);
  }),
});
