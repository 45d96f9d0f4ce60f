import type { Transaction } from "@open-trade/db";
import { selectRows } from "@open-trade/db/queries";
import { sql } from "drizzle-orm";
import { at } from "./at.ts";

/** A bot's name and status, or null when there is no such bot. */
export async function botName(
  tx: Transaction,
  botId: string,
): Promise<{ name: string; status: string } | null> {
  const [bot] = await selectRows<{ name: string; status: string }>(
    tx,
    sql`select name, status::text as status from public.bots where id = ${botId}`,
  );
  return bot ?? null;
}

/** One statement for both: the status an evaluation leaves the bot in and, unless it failed, `last_run_at`. */
export async function setBotStatus(
  tx: Transaction,
  q: { botId: string; status: string; ranAtMs: number | null },
): Promise<void> {
  await selectRows(
    tx,
    sql`update public.bots set status = ${q.status}::public.bot_status,
          last_run_at = coalesce(${q.ranAtMs === null ? null : at(q.ranAtMs)}::timestamptz, last_run_at)
        where id = ${q.botId}`,
  );
}

export interface ListedBot {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly last: {
    readonly outcome: string;
    readonly reason: string | null;
    readonly tradingState: string | null;
    readonly finishedMs: number;
  } | null;
}

/** Every bot with its latest finished evaluation, highest priority first (the terminal board). */
export async function listBots(tx: Transaction): Promise<ListedBot[]> {
  const listed = await selectRows<{
    id: string;
    name: string;
    status: string;
    outcome: string | null;
    reason: string | null;
    trading_state: string | null;
    finished_ms: number | null;
  }>(
    tx,
    sql`select b.id, b.name, b.status::text as status, e.outcome::text as outcome, e.reason, e.trading_state,
               (extract(epoch from e.finished_at) * 1000)::float8 as finished_ms
          from public.bots b
          left join lateral (
            select outcome, reason, trading_state, finished_at from public.bot_evaluations
             where bot_id = b.id and finished_at is not null order by started_at desc limit 1) e on true
         order by b.priority desc, b.name, b.id`,
  );
  return listed.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    last:
      r.outcome !== null && r.finished_ms !== null
        ? {
            outcome: r.outcome,
            reason: r.reason,
            tradingState: r.trading_state,
            finishedMs: Math.floor(r.finished_ms),
          }
        : null,
  }));
}

/** The newest stored credential of a user, by id only: its secrets are opened per exchange call. */
export async function credentialId(tx: Transaction, userId: string): Promise<string | null> {
  const [row] = await selectRows<{ id: string }>(
    tx,
    sql`select id from public.api_credentials where user_id = ${userId} order by created_at desc limit 1`,
  );
  return row?.id ?? null;
}

/** Billed model spend of one runner's evaluations since it started, per model, in integer micro-USD. */
export async function modelSpend(
  tx: Transaction,
  runnerId: string,
  sinceMs: number,
): Promise<{ model: string; micros: bigint }[]> {
  const spent = await selectRows<{ model: string; micros: string }>(
    tx,
    sql`select coalesce(model_id, 'none') as model, (sum(llm_billed_usd) * 1000000)::bigint::text as micros
          from public.bot_evaluations
         where runner_id = ${runnerId} and started_at >= ${at(sinceMs)}::timestamptz and llm_billed_usd > 0
         group by 1`,
  );
  return spent.map((r) => ({ model: r.model, micros: BigInt(r.micros) }));
}
