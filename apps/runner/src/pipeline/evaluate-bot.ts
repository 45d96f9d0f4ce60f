import type { Database } from "@open-trade/db";
import { asService } from "@open-trade/db/service";
import type { Llm } from "@open-trade/llm";
import type { Execution, MarketData } from "@open-trade/polymarket";
import { dayStart, formatPrice, formatShares, formatUsd, notional, type Usd } from "@open-trade/risk-engine";
import { sql } from "drizzle-orm";
import { at } from "../db/sql-rows.ts";
import type { EvaluationSummary } from "../evaluation-summary.ts";
import {
  closeAbandoned,
  finishEvaluation,
  recordReservation,
  startEvaluation,
} from "../ledger/evaluation-record.ts";
import { recordFailure } from "../ledger/record-failure.ts";
import { recordFill } from "../ledger/record-fill.ts";
import { reconcileIntents } from "../live/reconcile-intents.ts";
import { createRedactor } from "../observe/redact.ts";
import { type Lease, type LeaseRelease, releaseLease } from "../queue/lease-queue.ts";
import { pollingIntervalMs } from "../queue/polling-interval.ts";
import { loadBotState } from "./load-bot-state.ts";
import { paperForBot } from "./paper-for-bot.ts";
import { type PipelineResult, undecided } from "./pipeline-result.ts";
import { type ConfigRead, readConfig } from "./read-config.ts";
import { runPipeline } from "./run-pipeline.ts";

/** After this many failed evaluations in a row a bot stops (status `error`) until its owner looks at it. */
export const MAX_CONSECUTIVE_FAILURES = 5;

export interface EvaluateDeps {
  readonly db: Database;
  readonly marketData: MarketData;
  readonly live: (userId: string) => Promise<Execution>;
  readonly llm: Llm;
  readonly runnerId: string;
  readonly lockMs: number;
  readonly now: () => number;
}

export interface Evaluated {
  readonly summary: EvaluationSummary | null;
  readonly release: LeaseRelease;
  /** True when the release was written in the evaluation's final transaction (one round trip fewer). */
  readonly released: boolean;
}

/** Steps 2 to 11 for one leased bot; the lease release says when it is due next. */
export async function evaluateBot(deps: EvaluateDeps, lease: Lease): Promise<Evaluated> {
  const { botId } = lease;
  const started = performance.now();
  const nowMs = deps.now();
  const begun = await asService(deps.db, async (tx) => {
    await closeAbandoned(tx, botId, nowMs);
    const loaded = await loadBotState(tx, botId, nowMs);
    if (!loaded) return null;
    return { loaded, evaluationId: await startEvaluation(tx, botId, deps.runnerId, loaded.mode, nowMs) };
  });
  if (!begun)
    return {
      summary: null,
      release: { botId, nextRunAtMs: nowMs + 3_600_000, consecutiveFailures: 0, lastError: null },
      released: false,
    };
  let state = begun.loaded;
  const { evaluationId } = begun;
  const timings: Record<string, number> = {};
  let result: PipelineResult;
  let config: ConfigRead | undefined;
  try {
    const unknown = await reconcileIntents({ ...deps, nowMs: deps.now }, state);
    if (state.unresolvedIntents.length > 0)
      state = (await asService(deps.db, (tx) => loadBotState(tx, botId, nowMs))) ?? state;
    const current = state;
    config = readConfig(current);
    result =
      unknown.length > 0
        ? waiting(
            unknown.map((i) => i.orderId),
            timings,
          )
        : !config.ok
          ? configurationStop(config, timings)
          : await runPipeline(
              {
                db: deps.db,
                marketData: deps.marketData,
                execution: (s) =>
                  s.mode === "live"
                    ? deps.live(s.userId)
                    : Promise.resolve(paperForBot(deps.marketData, deps.now, s.fills)),
                llm: deps.llm,
                lockMs: deps.lockMs,
                leaseOwner: lease.owner,
                onReserve: (amount, modelId) => recordReservation(deps.db, evaluationId, amount, modelId),
              },
              current,
              config,
              evaluationId,
              nowMs,
              timings,
            );
  } catch (error) {
    // Market data or database trouble: recorded as an api_error so the bot retries and, if it persists, stops.
    const reason = `The evaluation failed unexpectedly (${error instanceof Error ? error.message.slice(0, 300) : "unknown error"}); it will be retried.`;
    result = {
      end: undecided("failed", reason, timings),
      failure: { type: "api_error", marketId: null, what: reason },
      pnlToday: 0n,
    };
  }
  result = redacted(result);
  const s = state;
  const failed = result.end.outcome === "failed";
  // A refused model answer is recorded (with its codes) but is no fault of the bot's: it neither counts
  // toward stopping the bot nor clears the faults before it.
  const failures = failed ? s.consecutiveFailures + 1 : result.failure ? s.consecutiveFailures : 0;
  const status =
    result.stopAs ??
    (result.modelUnavailable && (s.status === "paper" || s.status === "live")
      ? "paused:ai_unavailable"
      : failures >= MAX_CONSECUTIVE_FAILURES
        ? "error"
        : s.status === "paused:ai_unavailable" && !result.modelUnavailable
          ? s.mode
          : s.status);
  const finishedMs = deps.now();
  const recipePolling = config?.ok ? config.recipe.cadence.pollingMinutes : null;
  const interval =
    status === "paused:ai_unavailable"
      ? s.aiFailureRetryMinutes * 60_000
      : pollingIntervalMs(s.pollingFrequencyMinutes, recipePolling, s.tier);
  const release: LeaseRelease = {
    botId,
    nextRunAtMs: finishedMs + interval,
    consecutiveFailures: failures,
    lastError: failed ? result.end.reason.slice(0, 2000) : null,
  };
  await asService(deps.db, async (tx) => {
    if (result.fill) await recordFill(tx, result.fill, finishedMs);
    const dailyLossReached =
      result.end.tradingState === "REDUCING" && (s.dailyLossReachedAtMs ?? 0) < dayStart(nowMs);
    // Independent writes, pipelined on the transaction's connection: one round trip, one commit.
    await Promise.all([
      result.failure ? recordFailure(tx, s.id, s.context, result.failure, finishedMs) : null,
      // One statement for both: the status transition and, unless the evaluation failed, last_run_at.
      tx.execute(sql`update public.bots set status = ${status}::public.bot_status,
          last_run_at = case when ${failed} then last_run_at else ${at(finishedMs)}::timestamptz end
        where id = ${s.id}`),
      dailyLossReached
        ? tx.execute(
            sql`update public.bot_schedule set daily_loss_reached_at = ${at(nowMs)}::timestamptz where bot_id = ${s.id}`,
          )
        : null,
      // This evaluation's locks (stamped with its start) and the bot's expired ones; never a lock a later
      // evaluation of the bot took after this one lost its lease.
      tx.execute(sql`delete from public.bot_coordination_locks where locked_by_bot_id = ${s.id}
          and (locked_at = ${at(nowMs)}::timestamptz or expires_at <= ${at(finishedMs)}::timestamptz)`),
      finishEvaluation(tx, evaluationId, result.end, finishedMs),
      releaseLease(tx, release, lease),
    ]);
  });
  const fill = result.fill;
  return {
    summary: {
      botId: s.id,
      botName: s.name,
      outcome: result.end.outcome,
      reason: result.end.reason,
      denialCodes: result.end.denialCodes,
      mode: s.mode,
      status,
      tradingState: result.end.tradingState,
      ...(fill
        ? {
            fill: {
              marketId: fill.marketId,
              side: fill.side,
              shares: formatShares(fill.shares),
              price: formatPrice(fill.price),
              usd: formatUsd(notional(fill.shares, fill.price, fill.side === "BUY" ? "up" : "down")),
            },
          }
        : {}),
      pnlTodayUsd: formatUsd(result.pnlToday as Usd),
      durationMs: Math.round(performance.now() - started),
    },
    release,
    released: true,
  };
}

// Reasons quote model output and exchange errors; a secret in them is stored and shown as the logger would.
const redactor = createRedactor();

function redacted(result: PipelineResult): PipelineResult {
  const { end, failure, fill } = result;
  return {
    ...result,
    end: { ...end, reason: redactor.text(end.reason) },
    ...(failure ? { failure: { ...failure, what: redactor.text(failure.what) } } : {}),
    ...(fill ? { fill: { ...fill, reasoning: redactor.text(fill.reasoning) } } : {}),
  };
}

/** A configuration the bot cannot run with: a coded failure that stops the bot at once (no retries). */
function configurationStop(
  config: Extract<ConfigRead, { ok: false }>,
  timings: Record<string, number>,
): PipelineResult {
  const reason = config.issues.map((i) => i.message).join(" ");
  return {
    end: { ...undecided("failed", reason, timings), denialCodes: config.issues.map((i) => i.code) },
    failure: { type: "other", marketId: null, what: reason },
    stopAs: config.stopAs,
    pnlToday: 0n,
  };
}

function waiting(orderIds: readonly string[], timings: Record<string, number>): PipelineResult {
  const reason = `Waiting to reconcile order ${orderIds.join(", ")} with the exchange before placing anything new.`;
  return { end: undecided("skipped", reason, timings), pnlToday: 0n };
}
