import { z } from "zod";

// The decision trace stored in bot_evaluations.trace: the one shape the runner writes and the API and web app
// read. Every amount is an exact decimal string (USD with up to 6 decimals, prices 0-1, shares), never a float.
// Each part is optional because an evaluation can end at any step: a skip has only `market` (or nothing), a
// denial has `decision` and `checks` but no `order`.

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, "an exact decimal string");
const outcome = z.enum(["YES", "NO"]);
const side = z.enum(["BUY", "SELL"]);

/** One side of the book the decision saw, within the levels the runner fetched. */
const bookSide = z.object({
  best: decimal.nullable(),
  /** Shares resting within 5 cents of the best price. */
  depthShares: decimal,
  /** USD those shares are worth at their prices. */
  depthUsd: decimal,
});

/** The market the decision concerned, as the bot saw it at decision time. */
export const tracedMarketSchema = z.object({
  marketId: z.string(),
  question: z.string().max(500),
  outcome,
  tokenId: z.string(),
  bid: bookSide,
  ask: bookSide,
  /** Ask minus bid, when both exist. */
  spread: decimal.nullable(),
  tickSize: decimal,
  simulated: z.boolean(),
});

/** What the rules or the model decided, before the risk engine saw it. */
export const tracedDecisionSchema = z.object({
  action: z.enum(["BUY", "SELL", "HOLD"]),
  outcome: outcome.nullable(),
  /** Shares asked for (a BUY sized from USD is converted at the limit price). */
  shares: decimal.nullable(),
  /** USD the decision asked to spend, when it was sized in USD. */
  sizeUsd: decimal.nullable(),
  limitPrice: decimal.nullable(),
  /** 0-1 as the model reported it, as a decimal string; null for rules. */
  confidence: decimal.nullable(),
  decidedBy: z.string(),
});

/** One risk check as the engine judged this decision: its limit, the value it measured, and its verdict. */
export const tracedCheckSchema = z.object({
  /** The check's name as the risk engine lists it (RISK_CHECKS order). */
  name: z.string(),
  verdict: z.enum(["pass", "clipped", "denied", "skipped"]),
  /** The risk engine's denial code when the check denied or clipped. */
  code: z.string().nullable(),
  limit: z.string().nullable(),
  value: z.string().nullable(),
});

/** Shares held and their average entry in the decision's market and outcome. */
export const tracedPositionSchema = z.object({
  shares: decimal,
  averageEntryPrice: decimal.nullable(),
});

/** The order sent (or simulated) and what filled. */
export const tracedOrderSchema = z.object({
  side,
  shares: decimal,
  limitPrice: decimal,
  orderType: z.string(),
  /** The size the engine approved when it clipped the decision's size. */
  reduced: z.boolean(),
  fills: z.array(z.object({ price: decimal, shares: decimal, feeUsd: decimal })).max(200),
  averagePrice: decimal.nullable(),
  /** Average fill price against the best price at decision time, in basis points (positive = worse). */
  slippageBps: decimal.nullable(),
  feesUsd: decimal,
});

/** Room under the bot's limits before the decision. */
export const tracedRoomSchema = z.object({
  perTradeUsd: decimal,
  budgetLeftUsd: decimal,
  tradesLeftToday: z.number().int(),
  newMarketsLeft: z.number().int(),
});

export const evaluationTraceSchema = z.object({
  version: z.literal(1),
  market: tracedMarketSchema.optional(),
  room: tracedRoomSchema.optional(),
  positionBefore: tracedPositionSchema.optional(),
  decision: tracedDecisionSchema.optional(),
  checks: z.array(tracedCheckSchema).max(64).optional(),
  order: tracedOrderSchema.optional(),
  positionAfter: tracedPositionSchema.optional(),
});

export type EvaluationTrace = z.infer<typeof evaluationTraceSchema>;
export type TracedCheck = z.infer<typeof tracedCheckSchema>;
export type TracedMarket = z.infer<typeof tracedMarketSchema>;
export type TracedDecision = z.infer<typeof tracedDecisionSchema>;
export type TracedOrder = z.infer<typeof tracedOrderSchema>;

/**
 * Reads a stored trace for display. An old evaluation has `{}` and a trace of an unknown version is not
 * guessed at: both read as null, and the reader shows what the evaluation's own columns say.
 */
export function readTrace(stored: unknown): EvaluationTrace | null {
  const parsed = evaluationTraceSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
