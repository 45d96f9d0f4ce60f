import { applyAdaptations } from "../adaptation/apply-adaptations.ts";
import type { BookWalk } from "../book/walk-book.ts";
import type { Price, Shares, Usd } from "../money/units.ts";
import type { CheckReading } from "./checks/risk-check.ts";
import { type Denial, deny, reducibleTo } from "./denial.ts";
import { inputProblem } from "./input-problem.ts";
import { floorToLot, type PricedOrder, priceOrder } from "./price-order.ts";
import { RISK_CHECKS } from "./risk-checks.ts";
import { tradingState } from "./trading-state.ts";
import type { OrderIntent, RiskLimits, RiskSnapshot } from "./types.ts";

export interface Approval {
  readonly approved: true;
  /** The size to send: the intent's, or less when `allowReduce` let the engine shrink it. */
  readonly shares: Shares;
  readonly reduced: boolean;
  /** The limit price to send: the tighter of the intent's and the slippage cap, on the tick. */
  readonly limitPrice: Price;
  readonly walk: BookWalk;
  readonly orderCost: Usd;
}

export interface Rejection {
  readonly approved: false;
  /** Every denial that applies to the intent as asked, in check order. */
  readonly denials: readonly Denial[];
}

export type RiskDecision = Approval | Rejection;

/** @deprecated Renamed `RiskDecision`, so that it reads apart from a model's trade decision. Removed in 0.3. */
export type Decision = RiskDecision;

/** Each check's reading in RISK_CHECKS order (null: the check does not apply to the order). */
export type Readings = readonly (CheckReading | null)[];

/** What `evaluate` decided and, unless the input was unreadable, what each check read on the order as asked. */
export interface Judgement {
  readonly decision: RiskDecision;
  readonly readings: Readings | null;
}

interface Checked {
  readonly denials: Denial[];
  readonly readings: Readings;
}

function runChecks(order: PricedOrder, snapshot: RiskSnapshot, limits: RiskLimits): Checked {
  const denials: Denial[] = [];
  const readings: (CheckReading | null)[] = [];
  for (const { measure } of RISK_CHECKS) {
    const read = measure(order, snapshot, limits, snapshot.now);
    readings.push(read);
    if (read?.denial) denials.push(read.denial);
  }
  return { denials, readings };
}

// An approved order always has a limit: an unknown market, an empty side and a zero size are all denied.
const approve = (order: PricedOrder, reduced: boolean): Approval => ({
  approved: true,
  shares: order.intent.shares,
  reduced,
  limitPrice: order.limitPrice as Price,
  walk: order.walk,
  orderCost: order.orderCost,
});

/** The size every reducible denial would accept, or null when some denial cannot be fixed by shrinking. */
function reducedSize(denials: readonly Denial[]): Shares | null {
  let size: bigint | null = null;
  for (const denial of denials) {
    const max = reducibleTo(denial);
    if (max === null) return null;
    if (size === null || max < size) size = max;
  }
  return size === null ? null : floorToLot(size);
}

function judgeChecked(intent: OrderIntent, snapshot: RiskSnapshot, base: RiskLimits): Judgement {
  const { limits, blockedUntil } = applyAdaptations(
    base,
    snapshot.adaptations,
    intent.marketId,
    snapshot.now,
  );
  const state = tradingState(snapshot, limits);
  const order = priceOrder(intent, snapshot, limits, state, blockedUntil);
  const { denials, readings } = runChecks(order, snapshot, limits);
  if (denials.length === 0) return { decision: approve(order, false), readings };
  const size = intent.allowReduce ? reducedSize(denials) : null;
  if (size !== null && size > 0n && size < intent.shares) {
    const smaller = priceOrder({ ...intent, shares: size }, snapshot, limits, state, blockedUntil);
    if (runChecks(smaller, snapshot, limits).denials.length === 0) {
      return { decision: approve(smaller, true), readings };
    }
  }
  return { decision: { approved: false, denials }, readings };
}

const unreadable = (reason: string): Judgement => ({
  decision: { approved: false, denials: [deny("INVALID_INPUT", { reason })] },
  readings: null,
});

/** `evaluate`'s decision together with the readings it came from (see `explain`). */
export function judge(intent: OrderIntent, snapshot: RiskSnapshot, limits: RiskLimits): Judgement {
  try {
    const problem = inputProblem(intent, snapshot, limits);
    if (problem !== null) return unreadable(problem);
    return judgeChecked(intent, snapshot, limits);
  } catch (error) {
    return unreadable(error instanceof Error ? error.message : "The snapshot or limits could not be read.");
  }
}

/**
 * Runs every check in RISK_CHECKS order and approves (possibly reduced, with the limit price to send)
 * or returns every denial. Never throws: unreadable input becomes an INVALID_INPUT denial.
 */
export function evaluate(intent: OrderIntent, snapshot: RiskSnapshot, limits: RiskLimits): RiskDecision {
  return judge(intent, snapshot, limits).decision;
}
