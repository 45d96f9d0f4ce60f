import { schema } from "@open-trade/db";
import { botList, modeOf, pnlPerDay, positionsOf } from "@open-trade/db/queries";
import { formatUsd, TIER_RULES, type Usd, usd } from "@open-trade/risk-engine";
import { eq } from "drizzle-orm";
import { pnlPerDayInput } from "../inputs/index.ts";
import { authedProcedure, botProcedure, router } from "../trpc.ts";

const used = (value: string, limit: string | null) => ({ used: value, limit });

export const statsRouter = router({
  /** Realized PnL per UTC day, one mode only: paper and live are never summed together. */
  pnlPerDay: authedProcedure.input(pnlPerDayInput).query(({ ctx, input }) =>
    pnlPerDay(ctx.tx, ctx.me.id, {
      mode: input.mode,
      days: input.days,
      now: ctx.deps.clock.now(),
      ...(input.botId ? { botId: input.botId } : {}),
    }),
  ),

  /** Today's usage of each hard limit of one bot, in the bot's current mode. */
  bot: botProcedure.query(async ({ ctx }) => {
    const bot = ctx.bot;
    const mode = modeOf(bot.status);
    const [today] = await botList(ctx.tx, ctx.me.id, {
      now: ctx.deps.clock.now(),
      botId: bot.id,
      includeArchived: true,
    });
    const [profile] = await ctx.tx
      .select({ dailyLoss: schema.userRiskProfiles.defaultDailyLossUsd })
      .from(schema.userRiskProfiles)
      .where(eq(schema.userRiskProfiles.userId, ctx.me.id));
    const open = await positionsOf(ctx.tx, ctx.me.id, { mode, botId: bot.id, openOnly: true });
    const exposure = open.reduce((sum, p) => sum + usd(p.costBasisUsd), 0n) as Usd;
    const pnlToday = usd(today?.pnlTodayUsd ?? "0");
    const lossToday = (pnlToday < 0n ? -pnlToday : 0n) as Usd;
    return {
      mode,
      dailyLossUsd: used(formatUsd(lossToday), bot.maxDailyLossUsd ?? profile?.dailyLoss ?? null),
      tradesToday: { used: today?.tradesToday ?? 0, limit: bot.maxTradesPerDay },
      llmSpendUsd: used(
        today?.llmSpendTodayUsd ?? "0",
        bot.maxDailyLlmCostUsd ?? formatUsd(TIER_RULES[ctx.me.tier].defaultMaxDailyLlmCost),
      ),
      exposureUsd: used(formatUsd(exposure), bot.riskBudgetUsd),
      pnlTodayUsd: today?.pnlTodayUsd ?? "0",
    };
  }),
});
