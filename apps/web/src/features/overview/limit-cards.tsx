import { StatCard } from "../../components/stat-card.tsx";
import { formatUsd, usedPercent } from "../../lib/money.ts";
import { countLine, usedLine } from "../../lib/usage.ts";

interface Used {
  readonly used: string;
  readonly limit: string | null;
}

export interface ModeUsage {
  readonly bots: number;
  readonly dailyLossUsd: Used & { readonly botsAtLimit: number };
  readonly llmSpendUsd: Used;
  readonly exposureUsd: Used;
  readonly tradesToday: { readonly used: number; readonly limit: number };
}

/** Each hard limit of one mode's bots as a meter with its numbers in words; paper and live never summed. */
export function LimitCards({ usage, mode }: { usage: ModeUsage; mode: "paper" | "live" }) {
  const { dailyLossUsd: loss, llmSpendUsd: llm, exposureUsd: exposure, tradesToday: trades } = usage;
  const atLimit = loss.botsAtLimit > 0 ? ` · ${loss.botsAtLimit} bot(s) at the limit, only reducing` : "";
  return (
    <section aria-label={`Limits used today (${mode})`} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <StatCard
        label="Daily loss used"
        definition={`Today's losses of the ${mode} bots (each bot's own, gains elsewhere do not offset them) against their max daily losses together; a bot at its limit only reduces exposure until 00:00 UTC.`}
        value={formatUsd(loss.used)}
        detail={`${usedLine(loss.used, loss.limit)}${atLimit}`}
        meter={usedPercent(loss.used, loss.limit)}
      />
      <StatCard
        label="Model spend vs cap"
        definition={`What model calls of the ${mode} bots cost today against their daily model caps together (never above your plan's cap per user); a call that would pass its cap is skipped.`}
        value={formatUsd(llm.used, { decimals: 4 })}
        detail={usedLine(llm.used, llm.limit, 4)}
        meter={usedPercent(llm.used, llm.limit)}
      />
      <StatCard
        label="Exposure vs budget"
        definition={`Cost basis of every open ${mode} position against your global risk budget, or else the bots' risk budgets together.`}
        value={formatUsd(exposure.used)}
        detail={usedLine(exposure.used, exposure.limit)}
        meter={usedPercent(exposure.used, exposure.limit)}
      />
      <StatCard
        label="Trades used"
        definition={`Trades the ${mode} bots made since 00:00 UTC against their max trades per day together.`}
        value={`${trades.used} / ${trades.limit}`}
        detail={countLine(trades.used, trades.limit)}
        meter={usedPercent(String(trades.used), String(trades.limit))}
      />
    </section>
  );
}
