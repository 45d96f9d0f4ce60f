import type { Transaction } from "@open-trade/db";
import { selectRows } from "@open-trade/db/queries";
import type { EvaluationTrace } from "@open-trade/db/trace";
import { formatUsd, type Usd } from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import type { LlmUsage } from "../evaluation/llm-usage.ts";
import type { Outcome } from "../evaluation/outcome.ts";
import { at } from "./at.ts";

const MAX_REASON = 2000;

/**
 * Opens this evaluation's record as `running`, so even a crash mid-evaluation is visible, after ending the
 * records a dead runner left `running` for this bot; null when the bot is gone. Only the lease holder calls it,
 * so no other evaluation of the bot can be alive. An abandoned model reservation is kept as billed: the call
 * may have been made and paid for, and the daily cap must stay on the safe side (the cap counts billed plus
 * reserved, so the bot's state may be read before or after). A runner that was only slow still overwrites
 * its record with its real outcome when it finishes. The mode is the bot's status, or for a stopped bot the
 * mode it last ran in (as `botState` says), so this needs nothing read first and pipelines with the load.
 */
export async function openEvaluation(
  tx: Transaction,
  q: { botId: string; runnerId: string; nowMs: number },
): Promise<string | null> {
  const [, [row]] = await Promise.all([
    selectRows(
      tx,
      sql`update public.bot_evaluations set outcome = 'failed',
        reason = 'The runner evaluating this bot stopped before it finished; the bot was evaluated again.',
        llm_billed_usd = llm_billed_usd + llm_reserved_usd, llm_reserved_usd = 0,
        finished_at = greatest(started_at, ${at(q.nowMs)}::timestamptz)
      where bot_id = ${q.botId} and outcome = 'running'`,
    ),
    selectRows<{ id: string }>(
      tx,
      sql`insert into public.bot_evaluations (bot_id, runner_id, mode, started_at)
          select b.id, ${q.runnerId},
                 case when b.status in ('paper', 'live') then b.status::text::public.trade_type
                      else coalesce((select e.mode from public.bot_evaluations e where e.bot_id = b.id
                                      order by e.started_at desc limit 1), 'paper') end,
                 ${at(q.nowMs)}::timestamptz
            from public.bots b where b.id = ${q.botId}
          returning id`,
    ),
  ]);
  return row?.id ?? null;
}

/** The reservation is stored before the model is called, so the daily cap sees it while the call runs. */
export async function recordReservation(
  tx: Transaction,
  id: string,
  amount: Usd,
  modelId: string,
): Promise<void> {
  await selectRows(
    tx,
    sql`update public.bot_evaluations set llm_reserved_usd = ${formatUsd(amount)}::numeric, model_id = ${modelId}
         where id = ${id}`,
  );
}

export interface EvaluationEnd {
  readonly outcome: Outcome;
  readonly usage: LlmUsage;
  readonly timingsMs: Readonly<Record<string, number>>;
  readonly trace: EvaluationTrace;
}

/** Ends the record inside the evaluation's final transaction; the reservation is settled to 0. */
export async function finishEvaluation(
  tx: Transaction,
  id: string,
  end: EvaluationEnd,
  nowMs: number,
): Promise<void> {
  const { outcome, usage } = end;
  const billed = usage.records.reduce((sum, r) => sum + r.billedUsd, 0n);
  const exact = usage.records.map((r) => r.costUsd);
  const input = usage.records.reduce((sum, r) => sum + r.inputTokens, 0);
  const output = usage.records.reduce((sum, r) => sum + r.outputTokens, 0);
  await selectRows(
    tx,
    sql`update public.bot_evaluations set
      outcome = ${outcome.kind}::public.evaluation_outcome, reason = ${outcome.reason.slice(0, MAX_REASON)},
      denial_codes = ${`{${outcome.codes.join(",")}}`}::text[], decided_by = ${outcome.decidedBy},
      market_id = ${outcome.marketId}, trading_state = ${outcome.tradingState},
      model_id = coalesce(${usage.modelId}, model_id),
      llm_reserved_usd = 0, llm_billed_usd = ${formatUsd(billed as Usd)}::numeric,
      llm_cost_usd = (select coalesce(sum(c::numeric), 0) from unnest(${`{${exact.join(",")}}`}::text[]) as c),
      llm_input_tokens = ${input}, llm_output_tokens = ${output},
      timings_ms = ${JSON.stringify(end.timingsMs)}::jsonb, trace = ${JSON.stringify(end.trace)}::jsonb,
      finished_at = ${at(nowMs)}::timestamptz
    where id = ${id}`,
  );
}
