import { formatMicros, formatPrice, price } from "@open-trade/risk-engine";
import type { CandidateMarket, OutcomeSide } from "../decision/decision-snapshot.ts";
import type { EntryRule } from "../recipe/recipe-schema.ts";

export interface RuleCheck {
  readonly fired: boolean;
  /** Plain words with the numbers used, for the decision's reasoning. */
  readonly because: string;
}

const mirror = (side: OutcomeSide): OutcomeSide => (side === "YES" ? "NO" : "YES");

/**
 * One deterministic entry rule against one market, for buying `buying`. Prices are asks (what buying
 * costs). When the recipe buys EITHER side, rules are written as if buying YES and mirrored for NO.
 */
export function checkEntryRule(
  rule: EntryRule,
  market: CandidateMarket,
  buying: OutcomeSide,
  mirrored: boolean,
): RuleCheck {
  const sideOf = (side: OutcomeSide) => (mirrored ? mirror(side) : side);
  const quote = (side: OutcomeSide) => market.outcomes.find((o) => o.side === side);
  switch (rule.kind) {
    case "price_at_most":
    case "price_at_least": {
      const side = sideOf(rule.outcome);
      const ask = quote(side)?.bestAsk ?? null;
      const limit = price(rule.price);
      const atMost = rule.kind === "price_at_most";
      if (ask === null) return { fired: false, because: `${side} has no ask` };
      const fired = atMost ? ask <= limit : ask >= limit;
      return { fired, because: `${side} ask ${formatPrice(ask)} ${atMost ? "<=" : ">="} ${rule.price}` };
    }
    case "spread_at_most": {
      const q = quote(buying);
      if (!q || q.bestAsk === null || q.bestBid === null)
        return { fired: false, because: `${buying} has no two-sided book` };
      const spread = q.bestAsk - q.bestBid;
      return {
        fired: spread <= price(rule.spread),
        because: `${buying} spread ${formatMicros(spread)} <= ${rule.spread}`,
      };
    }
    case "price_change": {
      const side = sideOf(rule.outcome);
      const move = quote(side)?.moves.find((m) => m.windowMinutes === rule.windowMinutes);
      if (!move) return { fired: false, because: `no ${rule.windowMinutes}m price history for ${side}` };
      const needed = price(rule.change);
      const fired = rule.direction === "up" ? move.changeMicros >= needed : move.changeMicros <= -needed;
      return {
        fired,
        because: `${side} moved ${formatMicros(move.changeMicros)} in ${rule.windowMinutes}m (needs ${rule.direction} ${rule.change})`,
      };
    }
  }
}
