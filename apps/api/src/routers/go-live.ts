import { schema, type Transaction } from "@open-trade/db";
import { TIER_RULES, type Tier } from "@open-trade/risk-engine";
import { and, count, eq } from "drizzle-orm";
import { ApiError } from "../errors/api-error.ts";
import { goLiveInput } from "../inputs/index.ts";
import { botProcedure } from "../trpc.ts";
import { assertValidSettings, type BotRow, settingsOf } from "./bot-settings.ts";
import { botView } from "./bot-view.ts";

export interface LiveCondition {
  readonly code: "TIER_ALLOWS_LIVE" | "CREDENTIALS_STORED" | "LIMITS_SET" | "NOT_ARCHIVED" | "CONFIRMED";
  readonly met: boolean;
  readonly message: string;
}

async function conditions(tx: Transaction, bot: BotRow, tier: Tier, confirmation: string | null) {
  const [stored] = await tx
    .select({ n: count() })
    .from(schema.apiCredentials)
    .where(eq(schema.apiCredentials.userId, bot.userId));
  const unset = [
    bot.maxDailyLossUsd === null && "max daily loss",
    bot.maxPositionSizeUsd === null && "max position size",
    bot.slippageThresholdPercent === null && "slippage threshold",
    bot.riskBudgetUsd === null && "risk budget",
  ].filter((x): x is string => typeof x === "string");
  const list: LiveCondition[] = [
    {
      code: "TIER_ALLOWS_LIVE",
      met: TIER_RULES[tier].liveTradingAllowed,
      message: `The ${tier} tier trades on paper only; upgrade to trade live.`,
    },
    {
      code: "CREDENTIALS_STORED",
      met: (stored?.n ?? 0) > 0,
      message: "Store your Polymarket credentials first.",
    },
    {
      code: "LIMITS_SET",
      met: unset.length === 0,
      message: `Set every hard limit on this bot first: ${unset.join(", ")}.`,
    },
    { code: "NOT_ARCHIVED", met: bot.archivedAt === null, message: "This bot is archived." },
  ];
  if (confirmation !== null) {
    list.push({
      code: "CONFIRMED",
      met: confirmation === bot.name,
      message: "Type the bot's name exactly to confirm that it trades with real money.",
    });
  }
  return list;
}

export const goLive = {
  /** What stands between this bot and live trading, one line per condition. */
  goLiveConditions: botProcedure.query(({ ctx }) => conditions(ctx.tx, ctx.bot, ctx.me.tier, null)),

  /** Moves the bot to live trading once every condition holds; otherwise says which do not. */
  goLive: botProcedure.input(goLiveInput).mutation(async ({ ctx, input }) => {
    const unmet = (await conditions(ctx.tx, ctx.bot, ctx.me.tier, input.confirmation)).filter((c) => !c.met);
    if (unmet.length > 0) {
      throw new ApiError("PRECONDITION", `Not live yet: ${unmet.map((c) => c.message).join(" ")}`, {
        reasons: unmet.map((c) => ({ code: c.code, message: c.message })),
      });
    }
    assertValidSettings(settingsOf(ctx.bot), ctx.me.tier, "live");
    const [updated] = await ctx.tx
      .update(schema.bots)
      .set({ status: "live" })
      .where(and(eq(schema.bots.id, ctx.bot.id), eq(schema.bots.userId, ctx.me.id)))
      .returning();
    if (!updated) throw new ApiError("NOT_FOUND", "No such bot.");
    return botView(updated);
  }),
};
