import { Badge } from "@open-trade/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@open-trade/ui/card";
import { formatCents, formatShares, formatUsd } from "../../lib/money.ts";
import { isSimulated, questionText } from "../../lib/simulated.ts";
import { Fact } from "./fact.tsx";

interface BookSide {
  readonly best: string | null;
  readonly depthShares: string;
  readonly depthUsd: string;
}

export interface SeenMarket {
  readonly marketId: string;
  readonly question: string;
  readonly outcome: "YES" | "NO";
  readonly tokenId: string;
  readonly bid: BookSide;
  readonly ask: BookSide;
  readonly spread: string | null;
  readonly tickSize: string;
  readonly simulated: boolean;
}

const depth = (side: BookSide) => `${formatShares(side.depthShares)} shares (${formatUsd(side.depthUsd)})`;

/**
 * The market snapshot the decision was made on: book top, spread, depth within 5¢, tick. SIMULATED when the
 * runner says so or the stand-in exchange named it so.
 */
export function MarketSeen({ market }: { market: SeenMarket }) {
  return (
    <Card data-testid="trace-market">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          1. What the bot saw
          {market.simulated || isSimulated(market) ? <Badge variant="warning">SIMULATED market</Badge> : null}
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <p className="text-sm">
          {questionText(market.question)} · outcome <strong>{market.outcome}</strong>
        </p>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Fact label="Best bid">{market.bid.best ? formatCents(market.bid.best) : "No bids"}</Fact>
          <Fact label="Best ask">{market.ask.best ? formatCents(market.ask.best) : "No asks"}</Fact>
          <Fact label="Spread">{market.spread ? formatCents(market.spread) : "—"}</Fact>
          <Fact label="Tick size">{formatCents(market.tickSize)}</Fact>
          <Fact label="Bid depth within 5¢">{depth(market.bid)}</Fact>
          <Fact label="Ask depth within 5¢">{depth(market.ask)}</Fact>
          <Fact label="Market">
            <code className="font-mono text-xs">{market.marketId}</code>
          </Fact>
        </dl>
      </CardContent>
    </Card>
  );
}
