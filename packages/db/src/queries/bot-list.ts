import { formatUsd, usd } from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import type { Transaction } from "../client/with-user.ts";
import { utcDay } from "./ledger-fold.ts";
import { selectRows } from "./rows.ts";
import type { Mode } from "./trades-page.ts";

export type BotStatus = "paper" | "live" | "paused" | "paused:ai_unavailable" | "error";

export interface BotSummary {
  readonly id: string;
  readonly name: string;
  readonly status: BotStatus;
  /** The ledger the bot's numbers come from: live only while live, paper otherwise. */
  readonly mode: Mode;
  readonly modelId: string | null;
  readonly archivedAt: string | null;
  readonly createdAt: string;
  readonly lastEvaluation: {
    readonly at: string;
    readonly outcome: string;
    readonly reason: string;
    readonly tradingState: "ACTIVE" | "REDUCING" | "HALTED";
  } | null;
  readonly tradesToday: number;
  /** Exact decimal strings, today (UTC) in the bot's mode. */
  readonly pnlTodayUsd: string;
  readonly llmSpendTodayUsd: string;
}

interface Row {
  id: string;
  name: string;
  status: BotStatus;
  modelId: string | null;
  archivedAt: string | null;
  createdAt: string;
  evalAt: string | null;
  evalOutcome: string | null;
  evalReason: string | null;
  evalState: "ACTIVE" | "REDUCING" | "HALTED" | null;
  tradesToday: string;
  pnlTodayUsd: string;
  llmSpendTodayUsd: string;
}

const ts = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** A user's bots (one when `botId` is given) with their last evaluation and today's numbers. */
export async function botList(
  tx: Transaction,
  userId: string,
  options: { readonly now: Date; readonly botId?: string; readonly includeArchived?: boolean },
): Promise<BotSummary[]> {
  const today = `${utcDay(options.now)}T00:00:00Z`;
  const rows = await selectRows<Row>(
    tx,
    sql`select b.id, b.name, b.status, b.model_id as "modelId", ${ts("b.archived_at")} as "archivedAt",
               ${ts("b.created_at")} as "createdAt", ${ts("e.started_at")} as "evalAt", e.outcome as "evalOutcome",
               e.reason as "evalReason", e.trading_state as "evalState",
               coalesce(d.fills, 0)::text as "tradesToday", coalesce(d.realized_pnl_usd, 0)::text as "pnlTodayUsd",
               (select coalesce(sum(x.llm_billed_usd), 0) from public.bot_evaluations x
                 where x.bot_id = b.id and x.started_at >= ${today}::timestamptz)::text as "llmSpendTodayUsd"
          from public.bots b
          left join lateral (
            select e.started_at, e.outcome, e.reason, e.trading_state from public.bot_evaluations e
             where e.bot_id = b.id order by e.started_at desc limit 1
          ) e on true
          left join public.ledger_pnl_days d
            on d.bot_id = b.id and d.day = ${utcDay(options.now)}::date
           and d.type = (case when b.status = 'live' then 'live' else 'paper' end)::public.trade_type
         where b.user_id = ${userId}
           ${options.botId ? sql`and b.id = ${options.botId}` : sql``}
           ${options.includeArchived ? sql`` : sql`and b.archived_at is null`}
         order by b.priority desc, b.created_at`,
  );
  return rows.map((r) => {
    const mode = modeOf(r.status);
    return {
      id: r.id,
      name: r.name,
      status: r.status,
      mode,
      modelId: r.modelId,
      archivedAt: r.archivedAt,
      createdAt: r.createdAt,
      lastEvaluation:
        r.evalAt && r.evalOutcome && r.evalState
          ? { at: r.evalAt, outcome: r.evalOutcome, reason: r.evalReason ?? "", tradingState: r.evalState }
          : null,
      tradesToday: Number(r.tradesToday),
      pnlTodayUsd: formatUsd(usd(r.pnlTodayUsd)),
      llmSpendTodayUsd: r.llmSpendTodayUsd,
    };
  });
}

export function modeOf(status: BotStatus): Mode {
  return status === "live" ? "live" : "paper";
}
