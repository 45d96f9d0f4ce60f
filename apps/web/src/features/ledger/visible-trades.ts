export interface LedgerTrade {
  readonly id: string;
  readonly botId: string;
  readonly botName: string;
  readonly marketId: string;
  readonly tokenId: string | null;
  readonly mode: "paper" | "live";
  readonly side: "buy" | "sell";
  readonly size: string;
  readonly price: string;
  readonly feeUsd: string;
  readonly reasoning: string;
  readonly orderId: string | null;
  /** The evaluation whose decision made the fill; null for fills recorded without one. */
  readonly evaluationId?: string | null;
  readonly createdAt: string;
}

const haystacks = new WeakMap<LedgerTrade, string>();

function haystackOf(trade: LedgerTrade, question: string | undefined): string {
  let text = haystacks.get(trade);
  if (text === undefined) {
    text = `${trade.botName}\n${trade.marketId}\n${question ?? ""}\n${trade.reasoning}`.toLowerCase();
    haystacks.set(trade, text);
  }
  return text;
}

/**
 * The loaded trades a trader sees: matching the text (bot, market, question, reasoning; case-insensitive),
 * newest first unless asked otherwise. The API already returns newest first, so sorting is a reverse.
 */
export function visibleTrades<T extends LedgerTrade>(
  trades: readonly T[],
  { q, sort }: { q?: string | undefined; sort: "newest" | "oldest" },
  questionOf: (marketId: string) => string | undefined = () => undefined,
): T[] {
  const needle = q?.trim().toLowerCase() ?? "";
  const matching = needle
    ? trades.filter((t) => haystackOf(t, questionOf(t.marketId)).includes(needle))
    : trades.slice();
  return sort === "oldest" ? matching.reverse() : matching;
}
