import { Link } from "@tanstack/react-router";
import { isSimulated, questionText } from "../../lib/simulated.ts";
import { SimulatedBadge } from "./simulated-badge.tsx";

export interface MarketInfo {
  readonly question: string;
  readonly slug: string;
}

/**
 * A market as a trader reads it: its question (or its id while the question is unknown), a link to its page,
 * and the SIMULATED badge when it belongs to the stand-in exchange.
 */
export function MarketLabel({ marketId, market }: { marketId: string; market?: MarketInfo | undefined }) {
  return (
    <span className="inline-flex min-w-0 flex-wrap items-center gap-1.5">
      <Link
        to="/markets/$conditionId"
        params={{ conditionId: marketId }}
        className="min-w-0 font-medium underline-offset-2 hover:underline"
      >
        {market ? (
          questionText(market.question)
        ) : (
          <span className="block max-w-48 truncate font-mono text-xs" title={marketId}>
            {marketId}
          </span>
        )}
      </Link>
      {market && isSimulated(market) ? <SimulatedBadge /> : null}
    </span>
  );
}
