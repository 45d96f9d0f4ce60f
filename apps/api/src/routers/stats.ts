import { schema } from "@open-trade/db";
import { botList, modeOf, pnlPerDay, positionsOf } from "@open-trade/db/queries";
import { formatUsd, type Usd, usd } from "@open-trade/risk-engine";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { modeInput, pnlPerDayInput } from "../inputs/index.ts";
import { authedProcedure, botProcedure, router } from "../trpc.ts";
import { botLimits, lossOf, modeUsage } from "./limit-usage.ts";

const used = (value: string, limit: string | null) => ({ used: value, limit });
const costOf = (positions: readonly { costBasisUsd: string }[]): Usd =>
  positions.reduce((total, p) => total + usd(p.costBasisUsd), 0n) as Usd;

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
    const [limits] = await botLimits(ctx.tx, ctx.me.id, ctx.me.tier, [bot]);
    const open = await positionsOf(ctx.tx, ctx.me.id, { mode, botId: bot.id, openOnly: true });
    return {
      mode,
      dailyLossUsd: used(
        formatUsd(lossOf(today?.pnlTodayUsd ?? "0")),
        limits ? formatUsd(limits.maxDailyLoss) : null,
      ),
      tradesToday: { used: today?.tradesToday ?? 0, limit: bot.maxTradesPerDay },
      llmSpendUsd: used(today?.llmSpendTodayUsd ?? "0", limits ? formatUsd(limits.maxDailyLlmCost) : null),
      exposureUsd: used(formatUsd(costOf(open)), bot.riskBudgetUsd),
      pnlTodayUsd: today?.pnlTodayUsd ?? "0",
    };
  }),

  /**
   * One mode's usage of every hard limit across the user's bots in that mode (paper and live are never
   * summed): today's loss, model spend, exposure against the budget, and trades against the daily limits.
   */
  overview: authedProcedure
    .input(z.object({ mode: modeInput.default("paper") }).prefault({}))
    .query(async ({ ctx, input }) => {
      const today = await botList(ctx.tx, ctx.me.id, { now: ctx.deps.clock.now() });
      const inMode = today.filter((b) => b.mode === input.mode && b.archivedAt === null);
      const rows = await ctx.tx
        .select()
        .from(schema.bots)
        .where(and(eq(schema.bots.userId, ctx.me.id), isNull(schema.bots.archivedAt)));
      const byId = new Map(rows.map((r) => [r.id, r]));
      const bots = inMode.flatMap((b) => {
        const row = byId.get(b.id);
        return row ? [{ summary: b, row }] : [];
      });
      const limits = await botLimits(
        ctx.tx,
        ctx.me.id,
        ctx.me.tier,
        bots.map((b) => b.row),
      );
      const open = await positionsOf(ctx.tx, ctx.me.id, { mode: input.mode, openOnly: true });
      const usage = modeUsage(
        bots.map(({ summary }, i) => ({
          limits: limits[i] as (typeof limits)[number],
          tradesToday: summary.tradesToday,
          pnlTodayUsd: summary.pnlTodayUsd,
          llmSpendTodayUsd: summary.llmSpendTodayUsd,
        })),
        costOf(open),
        ctx.me.tier,
      );
      return { mode: input.mode, ...usage };
    }),
});
