import type { Transaction } from "@open-trade/db";
import { type BotContext, reflect } from "@open-trade/llm";
import { dayStart } from "@open-trade/risk-engine";
import { pollingIntervalMs } from "../queue/polling-interval.ts";
import { setBotStatus } from "../store/bots.ts";
import { finishEvaluation } from "../store/evaluations.ts";
import { bookFill, fillEffects, recordFailure } from "../store/ledger-writes.ts";
import { releaseMarketLocks } from "../store/locks.ts";
import { type Lease, type LeaseRelease, markDailyLossReached, releaseLease } from "../store/schedule.ts";
import type { BotState } from "./bot-state.ts";
import type { LlmUsage } from "./llm-usage.ts";
import type { Outcome } from "./outcome.ts";
import { buildTrace, type Seen } from "./trace.ts";

/** After this many failed evaluations in a row a bot stops (status `error`) until its owner looks at it. */
export const MAX_CONSECUTIVE_FAILURES = 5;

export interface Verdict {
  readonly status: string;
  readonly release: LeaseRelease;
}

/**
 * What the outcome does to the bot: its status (paused while the model is away, `error` after too many
 * failures in a row, a configuration stop) and when it is due next.
 */
export function verdictOf(
  state: BotState,
  result: Outcome,
  recipePollingMinutes: number | null,
  finishedMs: number,
): Verdict {
  const failed = result.kind === "failed";
  // A refused model answer is recorded (with its codes) but is no fault of the bot's: it neither counts
  // toward stopping the bot nor clears the faults before it.
  const failures = failed ? state.consecutiveFailures + 1 : result.failure ? state.consecutiveFailures : 0;
  const status =
    result.stopAs ??
    (result.modelUnavailable && (state.status === "paper" || state.status === "live")
      ? "paused:ai_unavailable"
      : failures >= MAX_CONSECUTIVE_FAILURES
        ? "error"
        : state.status === "paused:ai_unavailable" && !result.modelUnavailable
          ? state.mode
          : state.status);
  const interval =
    status === "paused:ai_unavailable"
      ? state.aiFailureRetryMinutes * 60_000
      : pollingIntervalMs(state.pollingFrequencyMinutes, recipePollingMinutes, state.tier);
  return {
    status,
    release: {
      botId: state.id,
      nextRunAtMs: finishedMs + interval,
      consecutiveFailures: failures,
      lastError: failed ? result.reason.slice(0, 2000) : null,
    },
  };
}

/** The adaptation note a failure leaves, from the template: a failure never spends model money on itself. */
export async function failureNote(
  state: BotState,
  result: Outcome,
  nowMs: number,
): Promise<{ note: string; context: BotContext } | null> {
  if (!result.failure) return null;
  const reflection = await reflect(null, { ...result.failure, atMs: nowMs }, state.context);
  return { note: reflection.adaptation.note, context: reflection.context };
}

/**
 * Steps 10 and 11 in the evaluation's last transaction: the fill (ledger row, position, memory, intent), the
 * failure and its lesson, the bot's status and `last_run_at`, the daily-loss stamp, this evaluation's market
 * locks released, its record finished with the trace, and the lease released with the next due time. The
 * fill's ledger row comes first (it takes the user's lock and gives the trace its position after); the rest
 * are independent and pipelined: one round trip.
 */
export async function recordOutcome(
  tx: Transaction,
  q: {
    state: BotState;
    lease: Lease;
    evaluationId: string;
    result: Outcome;
    verdict: Verdict;
    lesson: { note: string; context: BotContext } | null;
    usage: LlmUsage;
    timingsMs: Readonly<Record<string, number>>;
    seen: Seen;
    simulatedMarkets: boolean;
    startedMs: number;
    finishedMs: number;
  },
): Promise<void> {
  const { state, result } = q;
  const { fill } = result;
  const booked = fill ? await bookFill(tx, fill, q.finishedMs) : null;
  const trace = buildTrace(q.seen, q.simulatedMarkets, booked?.recorded ? booked.after : undefined);
  const dailyLossReached =
    result.tradingState === "REDUCING" && (state.dailyLossReachedAtMs ?? 0) < dayStart(q.startedMs);
  await Promise.all([
    fill && booked?.recorded ? fillEffects(tx, fill, booked) : null,
    q.lesson && result.failure
      ? recordFailure(tx, {
          botId: state.id,
          type: result.failure.type,
          marketId: result.failure.marketId,
          ...q.lesson,
        })
      : null,
    setBotStatus(tx, {
      botId: state.id,
      status: q.verdict.status,
      ranAtMs: result.kind === "failed" ? null : q.finishedMs,
    }),
    dailyLossReached ? markDailyLossReached(tx, state.id, q.startedMs) : null,
    releaseMarketLocks(tx, state.id, q.startedMs, q.finishedMs),
    finishEvaluation(
      tx,
      q.evaluationId,
      { outcome: result, usage: q.usage, timingsMs: q.timingsMs, trace },
      q.finishedMs,
    ),
    releaseLease(tx, q.verdict.release, q.lease),
  ]);
}
