import { schema, type Transaction } from "@open-trade/db";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { ApiError } from "../errors/api-error.ts";
import { asServiceWithin } from "../service-role.ts";
import { authedProcedure, botProcedure } from "../trpc.ts";
import type { BotRow } from "./bot-settings.ts";
import { botView } from "./bot-view.ts";

const b = schema.bots;
const RUNNING: BotRow["status"][] = ["paper", "live", "paused:ai_unavailable", "error"];

async function setStatus(tx: Transaction, bot: BotRow, changes: Partial<BotRow>) {
  if (bot.archivedAt) throw new ApiError("CONFLICT", "This bot is archived; archived bots stay paused.");
  const [updated] = await tx
    .update(b)
    .set(changes)
    .where(and(eq(b.id, bot.id), eq(b.userId, bot.userId)))
    .returning();
  if (!updated) throw new ApiError("NOT_FOUND", "No such bot.");
  return botView(updated);
}

/** Start, stop and steer a bot. Going live has its own procedures (go-live.ts). */
export const botControls = {
  pause: botProcedure.mutation(({ ctx }) => setStatus(ctx.tx, ctx.bot, { status: "paused" })),

  /** Puts a paused bot back on paper; a bot goes live only through goLive, with its confirmation. */
  resume: botProcedure.mutation(({ ctx }) => setStatus(ctx.tx, ctx.bot, { status: "paper" })),

  /** Halts every running bot of the user at once, in one statement. */
  killSwitch: authedProcedure.mutation(async ({ ctx }) => {
    const halted = await ctx.tx
      .update(b)
      .set({ status: "paused" })
      .where(and(eq(b.userId, ctx.me.id), inArray(b.status, RUNNING)))
      .returning({ id: b.id });
    return { haltedBotIds: halted.map((h) => h.id), haltedAt: ctx.deps.clock.now().toISOString() };
  }),

  /** Asks the runners to evaluate the bot now (they pick it up on their next poll, about a second). */
  runNow: botProcedure.mutation(async ({ ctx }) => {
    if (ctx.bot.archivedAt || !["paper", "live"].includes(ctx.bot.status)) {
      throw new ApiError("PRECONDITION", "Resume the bot first: only a running bot can run now.");
    }
    await asServiceWithin(ctx.tx, ctx.user.claims, (tx) =>
      tx.execute(sql`insert into public.bot_schedule (bot_id, next_run_at) values (${ctx.bot.id}, now())
        on conflict (bot_id) do update set next_run_at = now()`),
    );
    return { queuedAt: ctx.deps.clock.now().toISOString() };
  }),

  /** Hides and pauses a bot for good; its ledger stays (the ledger can only grow). */
  archive: botProcedure.mutation(async ({ ctx }) => {
    if (ctx.bot.archivedAt) return botView(ctx.bot);
    const [updated] = await ctx.tx
      .update(b)
      .set({ status: "paused", archivedAt: sql`now()` })
      .where(and(eq(b.id, ctx.bot.id), eq(b.userId, ctx.me.id), isNull(b.archivedAt)))
      .returning();
    if (!updated) throw new ApiError("NOT_FOUND", "No such bot.");
    return botView(updated);
  }),
};
