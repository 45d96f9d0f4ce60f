import type { Database, Transaction } from "@open-trade/db";
import { asService } from "@open-trade/db/service";
import { formatUsd, type Usd } from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import { at, sqlRows } from "../db/sql-rows.ts";
import type { LlmUsage } from "../pipeline/make-decision.ts";
import type { OutcomeCode } from "../pipeline/outcome-code.ts";

export type Outcome = "filled" | "hold" | "denied" | "skipped" | "failed";

export interface EvaluationEnd {
  readonly outcome: Outcome;
  readonly reason: string;
  readonly denialCodes: readonly OutcomeCode[];
  readonly decidedBy: string | null;
  readonly marketId: string | null;
  readonly tradingState: "ACTIVE" | "REDUCING" | "HALTED";
  readonly usage: LlmUsage;
  readonly timingsMs: Readonly<Record<string, number>>;
}

const MAX_REASON = 2000;

/**
 * The row every evaluation leaves, written first as `running` so even a crash mid-evaluation is visible.
 * Runs in the transaction that loads the bot, after `closeAbandoned`.
 */
export async function startEvaluation(
  tx: Transaction,
  botId: string,
  runnerId: string,
  mode: "paper" | "live",
  nowMs: number,
): Promise<string> {
  const [row] = await sqlRows<{ id: string }>(
    tx,
    sql`insert into public.bot_evaluations (bot_id, runner_id, mode, started_at)
        values (${botId}, ${runnerId}, ${mode}, ${at(nowMs)}::timestamptz) returning id`,
  );
  if (!row) throw new Error("The evaluation record was not created.");
  return row.id;
}

/**
 * Ends the records a dead runner left `running` for this bot. Only the lease holder calls it, so no other
 * evaluation of the bot can be alive. The model reservation is kept as billed: the call may have been made
 * and paid for, and the daily cap must stay on the safe side. A runner that was only slow still overwrites
 * this with its real outcome when it finishes.
 */
export async function closeAbandoned(tx: Transaction, botId: string, nowMs: number): Promise<void> {
  await tx.execute(sql`update public.bot_evaluations set outcome = 'failed',
      reason = 'The runner evaluating this bot stopped before it finished; the bot was evaluated again.',
      llm_billed_usd = llm_billed_usd + llm_reserved_usd, llm_reserved_usd = 0,
      finished_at = greatest(started_at, ${at(nowMs)}::timestamptz)
    where bot_id = ${botId} and outcome = 'running'`);
}

/** The reservation is stored before the model is called, so the daily cap sees it while the call runs. */
export async function recordReservation(
  db: Database,
  id: string,
  amount: Usd,
  modelId: string,
): Promise<void> {
  await asService(db, (tx) =>
    tx.execute(sql`update public.bot_evaluations set llm_reserved_usd = ${formatUsd(amount)}::numeric, model_id = ${modelId}
                    where id = ${id}`),
  );
}

/** Ends the record inside the caller's transaction (the fill's, or its own); the reservation is settled to 0. */
export async function finishEvaluation(
  tx: Transaction,
  id: string,
  end: EvaluationEnd,
  nowMs: number,
): Promise<void> {
  const billed = end.usage.records.reduce((sum, r) => sum + r.billedUsd, 0n);
  const exact = end.usage.records.map((r) => r.costUsd);
  const input = end.usage.records.reduce((sum, r) => sum + r.inputTokens, 0);
  const output = end.usage.records.reduce((sum, r) => sum + r.outputTokens, 0);
  await tx.execute(sql`update public.bot_evaluations set
      outcome = ${end.outcome}::public.evaluation_outcome, reason = ${end.reason.slice(0, MAX_REASON)},
      denial_codes = ${`{${end.denialCodes.join(",")}}`}::text[], decided_by = ${end.decidedBy}, market_id = ${end.marketId},
      trading_state = ${end.tradingState}, model_id = coalesce(${end.usage.modelId}, model_id),
      llm_reserved_usd = 0, llm_billed_usd = ${formatUsd(billed as Usd)}::numeric,
      llm_cost_usd = (select coalesce(sum(c::numeric), 0) from unnest(${`{${exact.join(",")}}`}::text[]) as c),
      llm_input_tokens = ${input}, llm_output_tokens = ${output},
      timings_ms = ${JSON.stringify(end.timingsMs)}::jsonb, finished_at = ${at(nowMs)}::timestamptz
    where id = ${id}`);
}
