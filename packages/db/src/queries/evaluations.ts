import { sql } from "drizzle-orm";
import type { Transaction } from "../client/with-user.ts";
import { type EvaluationTrace, readTrace } from "../trace/evaluation-trace.ts";
import { type Cursor, encodeCursor } from "./cursor.ts";
import { ownedBotIds } from "./owned-bots.ts";
import { selectRows } from "./rows.ts";
import { type TradeRow, toTrade, tradeColumns } from "./trades-page.ts";

export interface EvaluationRow {
  readonly id: string;
  readonly botId: string;
  readonly mode: "paper" | "live";
  readonly outcome: "running" | "filled" | "hold" | "denied" | "skipped" | "failed";
  readonly reason: string;
  /** Every risk check that refused, by its code (risk-engine DENIAL_CODES). */
  readonly denialCodes: string[];
  readonly decidedBy: string | null;
  readonly marketId: string | null;
  readonly tradingState: "ACTIVE" | "REDUCING" | "HALTED";
  readonly modelId: string | null;
  readonly llmCostUsd: string;
  readonly llmBilledUsd: string;
  readonly llmInputTokens: number;
  readonly llmOutputTokens: number;
  readonly timingsMs: Record<string, number>;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly cursor: string;
}

const ts = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const evaluationColumns = sql.raw(`e.id, e.bot_id as "botId", e.mode, e.outcome, e.reason,
  e.denial_codes as "denialCodes", e.decided_by as "decidedBy", e.market_id as "marketId",
  e.trading_state as "tradingState", e.model_id as "modelId", e.llm_cost_usd::text as "llmCostUsd",
  e.llm_billed_usd::text as "llmBilledUsd", e.llm_input_tokens as "llmInputTokens",
  e.llm_output_tokens as "llmOutputTokens", e.timings_ms as "timingsMs", ${ts("e.started_at")} as "startedAt",
  ${ts("e.finished_at")} as "finishedAt", (extract(epoch from e.started_at) * 1000000)::bigint::text as micros`);

type Raw = Omit<EvaluationRow, "cursor"> & { micros: string };
const toEvaluation = ({ micros, ...row }: Raw): EvaluationRow => ({
  ...row,
  cursor: encodeCursor({ micros, id: row.id }),
});

/** A bot's evaluations, newest first, by keyset on (started_at, id). */
export async function evaluationsPage(
  tx: Transaction,
  userId: string,
  botId: string,
  page: { readonly limit: number; readonly before?: Cursor },
): Promise<{ items: EvaluationRow[]; nextCursor: string | null }> {
  const rows = await selectRows<Raw>(
    tx,
    sql`select ${evaluationColumns} from public.bot_evaluations e
         where e.bot_id = ${botId} and e.bot_id in (${ownedBotIds(userId)})
           ${page.before ? sql`and (e.started_at, e.id) < (to_timestamp(${page.before.micros}::numeric / 1000000), ${page.before.id}::uuid)` : sql``}
         order by e.started_at desc, e.id desc limit ${page.limit + 1}`,
  );
  const items = rows.slice(0, page.limit).map(toEvaluation);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? last.cursor : null };
}

/** One evaluation as its trace page shows it. */
export interface EvaluationDetail extends EvaluationRow {
  /** The parsed decision trace; null for evaluations stored before traces (or of an unknown version). */
  readonly trace: EvaluationTrace | null;
  /** The fills the evaluation made: linked by `evaluation_id`, or (older rows) made while it ran. */
  readonly fills: TradeRow[];
}

/** One evaluation with its parsed trace and its fills. */
export async function evaluationDetail(
  tx: Transaction,
  userId: string,
  evaluationId: string,
): Promise<EvaluationDetail | null> {
  const [row] = await selectRows<Raw & { trace: unknown }>(
    tx,
    sql`select ${evaluationColumns}, e.trace from public.bot_evaluations e
         where e.id = ${evaluationId} and e.bot_id in (${ownedBotIds(userId)})`,
  );
  if (!row) return null;
  const fills = await selectRows<TradeRow & { micros: string }>(
    tx,
    sql`select ${tradeColumns} from public.trade_logs t join public.bots b on b.id = t.bot_id
         join public.bot_evaluations e on e.id = ${evaluationId}
         where t.bot_id = e.bot_id and t.bot_id in (${ownedBotIds(userId)}) and t.type = e.mode
           and (t.evaluation_id = e.id or (t.evaluation_id is null
             and t.created_at >= e.started_at and t.created_at <= coalesce(e.finished_at, now())))
         order by t.created_at, t.id`,
  );
  const { trace, ...columns } = row;
  return { ...toEvaluation(columns), trace: readTrace(trace), fills: fills.map(toTrade) };
}

/** Evaluations of the user's bots started or finished after `after`, oldest first: for live-update replay. */
export async function evaluationsAfter(
  tx: Transaction,
  userId: string,
  after: Cursor,
  filter: { readonly botId?: string },
  limit = 500,
): Promise<EvaluationRow[]> {
  const rows = await selectRows<Raw>(
    tx,
    sql`select ${evaluationColumns} from public.bot_evaluations e
         where e.bot_id in (${ownedBotIds(userId)}) ${filter.botId ? sql`and e.bot_id = ${filter.botId}` : sql``}
           and (e.started_at, e.id) > (to_timestamp(${after.micros}::numeric / 1000000), ${after.id}::uuid)
         order by e.started_at, e.id limit ${limit}`,
  );
  return rows.map(toEvaluation);
}

export async function evaluationById(
  tx: Transaction,
  userId: string,
  evaluationId: string,
): Promise<EvaluationRow | null> {
  const [row] = await selectRows<Raw>(
    tx,
    sql`select ${evaluationColumns} from public.bot_evaluations e
         where e.id = ${evaluationId} and e.bot_id in (${ownedBotIds(userId)})`,
  );
  return row ? toEvaluation(row) : null;
}
