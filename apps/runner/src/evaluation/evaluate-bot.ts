import type { Database } from "@open-trade/db";
import { foldHoldings } from "@open-trade/db/queries";
import { asService } from "@open-trade/db/service";
import type { Llm } from "@open-trade/llm";
import type { Execution, MarketData } from "@open-trade/polymarket";
import { isDust, price, shares, type Usd } from "@open-trade/risk-engine";
import { loadBotState } from "../store/bot-state.ts";
import { recordReservation } from "../store/evaluations.ts";
import { settleIntent, writeIntent } from "../store/intents.ts";
import { takeMarketLock } from "../store/locks.ts";
import { holdsLease, type Lease, type LeaseRelease } from "../store/schedule.ts";
import { applyRules } from "./apply-rules.ts";
import { askModel } from "./ask-model.ts";
import type { BotState } from "./bot-state.ts";
import { checkRisk, type RiskRequest, riskRequest, type Trade } from "./check-risk.ts";
import { decisionSnapshot } from "./decision-snapshot.ts";
import { failureTypeOf, prepareOrder, submitOrder } from "./execute-order.ts";
import { gatherCandidates } from "./gather-candidates.ts";
import { type LlmUsage, NO_USAGE } from "./llm-usage.ts";
import { loadBot } from "./load-bot.ts";
import { type Outcome, outcome, redacted } from "./outcome.ts";
import { paperForBot } from "./paper-for-bot.ts";
import { readConfig } from "./read-config.ts";
import { reconcileOrders } from "./reconcile-orders.ts";
import { failureNote, recordOutcome, verdictOf } from "./record-outcome.ts";
import { reserveModelCall } from "./reserve-model-call.ts";
import { type EvaluationSummary, summaryOf } from "./summary.ts";
import type { Seen } from "./trace.ts";
import { tradingDay } from "./trading-state.ts";

export { MAX_CONSECUTIVE_FAILURES } from "./record-outcome.ts";

export interface EvaluateDeps {
  readonly db: Database;
  readonly marketData: MarketData;
  readonly live: (userId: string) => Promise<Execution>;
  readonly llm: Llm;
  readonly runnerId: string;
  readonly lockMs: number;
  readonly now: () => number;
  /** The market data is the stand-in's simulation, not Polymarket's (the trace says so). */
  readonly simulatedMarkets: boolean;
}

export interface Evaluated {
  readonly summary: EvaluationSummary | null;
  readonly release: LeaseRelease;
  /** True when the release was written in the evaluation's final transaction. */
  readonly released: boolean;
}

/** What the evaluation carries beside its outcome into the record. */
interface Run {
  usage: LlmUsage;
  readonly seen: Seen;
  readonly timings: Record<string, number>;
  pnlToday: Usd;
  recipePollingMinutes: number | null;
}

/**
 * The orchestrator of one leased bot's evaluation (DESIGN steps 2 to 11): it calls one file per step, in the
 * order the README's pipeline section gives, and owns every transaction. Steps return an `Outcome` when they
 * end the evaluation; the last transaction records it with the trace and releases the lease.
 */
export async function evaluateBot(deps: EvaluateDeps, lease: Lease): Promise<Evaluated> {
  const { botId } = lease;
  const started = performance.now();
  const nowMs = deps.now();
  const begun = await asService(deps.db, (tx) => loadBot(tx, { botId, runnerId: deps.runnerId, nowMs }));
  if (!begun)
    return {
      summary: null,
      release: { botId, nextRunAtMs: nowMs + 3_600_000, consecutiveFailures: 0, lastError: null },
      released: false,
    };
  const { evaluationId } = begun;
  let state = begun.state;
  const run: Run = {
    usage: NO_USAGE,
    seen: {},
    timings: {},
    pnlToday: 0n as Usd,
    recipePollingMinutes: null,
  };
  let result: Outcome;
  try {
    const waiting = await reconcileOrders({ db: deps.db, live: deps.live, nowMs: deps.now }, state);
    if (state.unresolvedIntents.length > 0)
      state = (await asService(deps.db, (tx) => loadBotState(tx, botId, nowMs))) ?? state;
    result = waiting ?? (await decideAndTrade(deps, lease, state, evaluationId, nowMs, run));
  } catch (error) {
    // Market data or database trouble: recorded as an api_error so the bot retries and, if it persists, stops.
    const reason = `The evaluation failed unexpectedly (${error instanceof Error ? error.message.slice(0, 300) : "unknown error"}); it will be retried.`;
    result = outcome("failed", reason, { failure: { type: "api_error", marketId: null, what: reason } });
  }
  result = redacted(result);
  const finishedMs = deps.now();
  const verdict = verdictOf(state, result, run.recipePollingMinutes, finishedMs);
  const lesson = await failureNote(state, result, finishedMs);
  const final = state;
  await asService(deps.db, (tx) =>
    recordOutcome(tx, {
      state: final,
      lease,
      evaluationId,
      result,
      verdict,
      lesson,
      usage: run.usage,
      timingsMs: run.timings,
      seen: run.seen,
      simulatedMarkets: deps.simulatedMarkets,
      startedMs: nowMs,
      finishedMs,
    }),
  );
  return {
    summary: summaryOf(state, result, verdict.status, run.pnlToday, performance.now() - started),
    release: verdict.release,
    released: true,
  };
}

/** Steps 2b to 9 for a loaded bot with no order left to reconcile; never throws for a business outcome. */
async function decideAndTrade(
  deps: EvaluateDeps,
  lease: Lease,
  state: BotState,
  evaluationId: string,
  nowMs: number,
  run: Run,
): Promise<Outcome> {
  let mark = performance.now();
  const lap = (step: string) => {
    const t = performance.now();
    run.timings[step] = Math.round((t - mark) * 100) / 100;
    mark = t;
  };
  // Step 2b: the stored configuration through the validators that guard its writes.
  const config = readConfig(state);
  if (!config.ok) return config.outcome;
  const { recipe, limits } = config;
  run.recipePollingMinutes = recipe.cadence.pollingMinutes;
  // Step 5 before step 3: today's PnL (hence the trading state) and the exits are marked on the current books.
  const holdings = foldHoldings(state.fills);
  const heldMarkets = [...holdings.values()].filter((h) => !isDust(h.position.shares)).map((h) => h.marketId);
  const gathered = await gatherCandidates(
    deps.marketData,
    recipe,
    state.limits.allowed_categories ?? [],
    [...new Set(heldMarkets)],
    nowMs,
  );
  lap("gather");
  // Step 3: the trading state, then the recipe's deterministic exits and rule entries.
  const { day, halted } = tradingDay(state, gathered, limits, nowMs);
  run.pnlToday = day.pnlToday;
  if (halted) return halted;
  const snapshot = decisionSnapshot(state, gathered, holdings, limits, day.tradesToday, nowMs);
  run.seen.room = snapshot.room;
  const active = { tradingState: day.state } as const;
  let decision = applyRules(recipe, snapshot);
  if (!decision) {
    // Step 4: reserve the model call; the reservation is stored before the call.
    const reserved = reserveModelCall(deps.llm, state, limits);
    if (!reserved.ok) return { ...reserved.outcome, ...active };
    await asService(deps.db, (tx) => recordReservation(tx, evaluationId, reserved.amount, reserved.modelId));
    // Step 6: the model decides; its answer is validated against the snapshot.
    const asked = await askModel(deps.llm as Llm & { model: NonNullable<Llm["model"]> }, {
      state,
      recipe,
      snapshot,
      reservation: { evaluationId, amount: reserved.amount, modelId: reserved.modelId, nowMs },
    });
    run.usage = asked.usage;
    if ("outcome" in asked) return { ...asked.outcome, ...active };
    decision = asked.decision;
  }
  lap("decide");
  run.seen.decision = decision;
  const decided = { ...active, decidedBy: decision.decidedBy };
  if (decision.action === "hold") return outcome("hold", decision.reasoning, decided);
  const onMarket = { ...decided, marketId: decision.marketId };
  const view = gathered.views.get(decision.marketId);
  const tokenId = view?.tokenFor(decision.outcome);
  const held = tokenId ? holdings.get(tokenId)?.position : undefined;
  const request = riskRequest({
    state,
    decision,
    view,
    category: gathered.candidates.find((c) => c.marketId === decision.marketId)?.category,
    held: held?.shares ?? (0n as never),
    params: tokenId ? await deps.marketData.getMarketParams(tokenId) : null,
    risk: day.risk,
    limits,
  });
  Object.assign(run.seen, { view, positionBefore: held ?? null, askedShares: null });
  if ("kind" in request) return { ...request, ...onMarket };
  run.seen.askedShares = request.intent.shares;
  const traded = await trade(deps, lease, state, { request, decision, evaluationId, nowMs, run });
  lap("execute");
  return { ...traded, ...onMarket, tradingState: traded.tradingState === "HALTED" ? "HALTED" : day.state };
}

/**
 * Steps 7 to 9: risk under the user's lock; the order prepared (signed) outside any transaction; risk again on
 * exactly the prepared order, the lease checked, the market lock taken and the intent written ahead, in one
 * transaction; then the order sent. Paper intents never leave the process, so they are not marked
 * `submitted` (reconciliation abandons any unfinished paper intent): one transaction fewer per paper trade.
 */
async function trade(
  deps: EvaluateDeps,
  lease: Lease,
  state: BotState,
  q: { request: RiskRequest; decision: Trade; evaluationId: string; nowMs: number; run: Run },
): Promise<Outcome> {
  const { request, decision, evaluationId, nowMs, run } = q;
  const denied = (verdict: { denials: readonly { code: Outcome["codes"][number] }[] }, halted: boolean) => {
    const codes = verdict.denials.map((d) => d.code);
    return outcome("denied", `The risk engine denied the order: ${codes.join(", ")}.`, {
      codes,
      ...(halted ? { tradingState: "HALTED" as const } : {}),
    });
  };
  const first = await asService(deps.db, (tx) => checkRisk(tx, request));
  run.seen.checks = first.checks;
  if (!first.verdict.approved) return denied(first.verdict, first.halted);
  const execution =
    state.mode === "live"
      ? await deps.live(state.userId)
      : paperForBot(deps.marketData, deps.now, state.fills);
  const prepared = await prepareOrder(execution, request, first.verdict, evaluationId, nowMs);
  if (!prepared.ok) {
    const reason = prepared.failure.message;
    const failure = {
      type: failureTypeOf(prepared.failure.code),
      marketId: request.conditionId,
      what: reason,
    };
    return outcome("failed", reason, { failure });
  }
  const order = prepared.value;
  const exact = {
    ...request.intent,
    shares: shares(order.shares),
    limitPrice: price(order.limitPrice),
    allowReduce: false,
  };
  const written = await asService(deps.db, async (tx) => {
    // Pipelined: the risk reads under the user's lock and the lease check. A stalled evaluation whose lease
    // another runner has taken must not trade beside it.
    const [again, held] = await Promise.all([checkRisk(tx, request, exact), holdsLease(tx, lease)]);
    if (!again.verdict.approved) return again;
    if (!held) return "lease-lost" as const;
    await Promise.all([
      takeMarketLock(tx, {
        userId: state.userId,
        conditionId: request.conditionId,
        botId: state.id,
        nowMs,
        lockMs: deps.lockMs,
      }),
      writeIntent(tx, {
        order,
        botId: state.id,
        userId: state.userId,
        evaluationId,
        mode: state.mode,
        conditionId: request.conditionId,
        tokenId: request.tokenId,
      }),
    ]);
    return again;
  });
  if (written === "lease-lost")
    return outcome(
      "skipped",
      "This evaluation lost its lease to another runner before ordering; nothing was sent.",
    );
  if (!written.verdict.approved) {
    run.seen.checks = written.checks;
    return denied(written.verdict, written.halted);
  }
  if (state.mode === "live") await asService(deps.db, (tx) => settleIntent(tx, order.orderId, "submitted"));
  const executed = await submitOrder(execution, order, { request, decision, evaluationId });
  run.seen.order = {
    order,
    reduced: first.verdict.reduced,
    fill: executed.kind === "filled" ? executed.fill : null,
    best: request.market.book[request.intent.side === "BUY" ? "asks" : "bids"].at(-1)?.price ?? null,
  };
  if (executed.kind === "filled") return outcome("filled", decision.reasoning, { fill: executed.fill });
  await asService(deps.db, (tx) => settleIntent(tx, order.orderId, executed.settle, executed.code));
  const failure = { type: executed.failureType, marketId: request.conditionId, what: executed.reason };
  return outcome("failed", executed.reason, { failure });
}
