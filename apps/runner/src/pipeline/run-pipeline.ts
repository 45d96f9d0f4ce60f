import type { Database } from "@open-trade/db";
import type { Llm } from "@open-trade/llm";
import type { Execution, MarketData } from "@open-trade/polymarket";
import {
  dayStart,
  deriveAdaptations,
  type Price,
  type RiskSnapshot,
  type Shares,
  tradingState,
  type Usd,
} from "@open-trade/risk-engine";
import type { EvaluationEnd } from "../ledger/evaluation-record.ts";
import { foldHoldings } from "../ledger/fold-holdings.ts";
import type { BotState } from "./bot-state.ts";
import { decisionSnapshot } from "./decision-snapshot.ts";
import { gatherCandidates } from "./gather-candidates.ts";
import { makeDecision } from "./make-decision.ts";
import type { OutcomeCode } from "./outcome-code.ts";
import { type PipelineResult, undecided } from "./pipeline-result.ts";
import { placeOrder } from "./place-order.ts";
import { pnlToday } from "./pnl-today.ts";
import type { ConfigRead } from "./read-config.ts";

export interface PipelineDeps {
  readonly db: Database;
  readonly marketData: MarketData;
  readonly execution: (state: BotState) => Promise<Execution>;
  readonly llm: Llm;
  readonly lockMs: number;
  /** This evaluation's lease owner, checked when the order is written ahead. */
  readonly leaseOwner: string;
  readonly onReserve: (amount: Usd, modelId: string) => Promise<void>;
}

/** Steps 3 to 9 of DESIGN.md's evaluation for a loaded bot; never throws for a business outcome. */
export async function runPipeline(
  deps: PipelineDeps,
  state: BotState,
  config: Extract<ConfigRead, { ok: true }>,
  evaluationId: string,
  nowMs: number,
  timings: Record<string, number>,
): Promise<PipelineResult> {
  const clock = { mark: performance.now() };
  const lap = (step: string) => {
    const t = performance.now();
    timings[step] = Math.round((t - clock.mark) * 100) / 100;
    clock.mark = t;
  };
  const { recipe, limits } = config;
  const holdings = foldHoldings(state.fills);
  const heldMarkets = [
    ...new Set([...holdings.values()].filter((h) => h.position.shares > 0n).map((h) => h.marketId)),
  ];
  const gathered = await gatherCandidates(
    deps.marketData,
    recipe,
    state.allowedCategories,
    heldMarkets,
    nowMs,
  );
  lap("gather");
  const bookOf = (tokenId: string) => {
    for (const view of gathered.views.values()) {
      const book = view.books.get(tokenId);
      if (book) return book;
    }
    return undefined;
  };
  const bestBid = (tokenId: string) => (bookOf(tokenId)?.bids.at(-1)?.price ?? null) as Price | null;
  const pnl = pnlToday(state.fills, bestBid, nowMs);
  const todays = state.fills.filter((f) => f.atMs >= dayStart(nowMs));
  const riskBase = {
    now: nowMs,
    pnlToday: pnl,
    dailyLossReachedAt: state.dailyLossReachedAtMs,
    tradesToday: todays.length,
    recentOrderTimes: todays.map((f) => f.atMs),
    adaptations: deriveAdaptations(state.failures, nowMs),
  };
  const halted = state.status === "paused" || state.status === "error";
  const full: RiskSnapshot = {
    ...riskBase,
    halted,
    market: null,
    positions: [],
    openOrders: [],
    bots: [],
    lock: null,
  };
  const stateNow = tradingState(full, limits);
  if (stateNow === "HALTED") {
    const reason = "The bot is paused (kill switch); nothing is evaluated until it is resumed.";
    return { end: undecided("skipped", reason, timings, "HALTED"), pnlToday: pnl };
  }
  const snapshot = decisionSnapshot(state, gathered, holdings, limits, todays.length, nowMs);
  const step = await makeDecision(
    deps.llm,
    state,
    recipe,
    snapshot,
    limits,
    evaluationId,
    nowMs,
    deps.onReserve,
  );
  lap("decide");
  const common = {
    denialCodes: [],
    decidedBy: null,
    marketId: null,
    usage: step.usage,
    tradingState: stateNow,
    timingsMs: timings,
  } as const;
  if (step.kind === "skipped")
    return {
      end: { ...common, outcome: "skipped", reason: step.reason, denialCodes: step.codes },
      pnlToday: pnl,
    };
  if (step.kind === "model-unavailable") {
    return {
      end: { ...common, outcome: "failed", reason: step.reason },
      failure: { type: "api_error", marketId: null, what: step.reason },
      modelUnavailable: true,
      pnlToday: pnl,
    };
  }
  if (step.kind === "failed") {
    return {
      end: { ...common, outcome: "failed", reason: step.reason },
      failure: { type: "other", marketId: null, what: step.reason },
      pnlToday: pnl,
    };
  }
  if (step.kind === "rejected") {
    // Denied, not failed: market text can steer a model into a refused answer, and that must not stop the bot.
    return {
      end: { ...common, outcome: "denied", reason: step.reason, denialCodes: step.codes },
      failure: { type: "rule_violation", marketId: null, what: step.reason },
      pnlToday: pnl,
    };
  }
  const { decision } = step;
  const decided = { ...common, decidedBy: decision.decidedBy };
  if (decision.action === "hold")
    return { end: { ...decided, outcome: "hold", reason: decision.reasoning }, pnlToday: pnl };
  const view = gathered.views.get(decision.marketId);
  const candidate = gathered.candidates.find((c) => c.marketId === decision.marketId);
  const end = (
    outcome: EvaluationEnd["outcome"],
    reason: string,
    denialCodes: readonly OutcomeCode[] = [],
  ): EvaluationEnd => ({
    ...decided,
    marketId: decision.marketId,
    outcome,
    reason,
    denialCodes,
  });
  if (!view || !candidate)
    return {
      end: end("denied", "The decided market is no longer listed.", ["MARKET_UNKNOWN"]),
      pnlToday: pnl,
    };
  const token = view.tokenFor(decision.outcome);
  const held = (token ? (holdings.get(token)?.position.shares ?? 0n) : 0n) as Shares;
  const placement = await placeOrder({
    db: deps.db,
    marketData: deps.marketData,
    execution: await deps.execution(state),
    state,
    decision,
    view,
    category: candidate.category,
    held,
    snapshot: riskBase,
    limits,
    evaluationId,
    leaseOwner: deps.leaseOwner,
    lockMs: deps.lockMs,
    nowMs,
  });
  lap("execute");
  if (placement.kind === "lease-lost") {
    const reason = "This evaluation lost its lease to another runner before ordering; nothing was sent.";
    return { end: end("skipped", reason), pnlToday: pnl };
  }
  if (placement.kind === "filled")
    return { end: end("filled", decision.reasoning), fill: placement.fill, pnlToday: pnl };
  if (placement.kind === "denied") {
    const result = end(
      "denied",
      `The risk engine denied the order: ${placement.codes.join(", ")}.`,
      placement.codes,
    );
    return { end: placement.halted ? { ...result, tradingState: "HALTED" } : result, pnlToday: pnl };
  }
  return {
    end: end("failed", placement.reason),
    failure: { type: placement.failureType, marketId: decision.marketId, what: placement.reason },
    pnlToday: pnl,
  };
}
