import { Badge } from "@open-trade/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@open-trade/ui/card";
import { formatCents, formatShares, formatUsd } from "../../lib/money.ts";
import { Fact } from "./fact.tsx";
import { type FillRow, FillsTable } from "./fills-table.tsx";
import { slippageWords } from "./trace-format.ts";

export interface TracedOrder {
  readonly side: "BUY" | "SELL";
  readonly shares: string;
  readonly limitPrice: string;
  readonly orderType: string;
  readonly reduced: boolean;
  readonly averagePrice: string | null;
  readonly slippageBps: string | null;
  readonly feesUsd: string;
}

/** The order the engine approved and what filled, with slippage against the best price the bot saw. */
export function OrderCard({
  order,
  fills,
  referencePrice,
}: {
  order?: TracedOrder;
  fills: readonly FillRow[];
  referencePrice: string | null;
}) {
  return (
    <Card data-testid="trace-order">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          5. Order and fills
          {order?.reduced ? <Badge variant="warning">Size clipped by the risk engine</Badge> : null}
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {order ? (
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Fact label="Order">
              {order.side} {formatShares(order.shares)} shares, {order.orderType}
            </Fact>
            <Fact label="Limit price sent">{formatCents(order.limitPrice)}</Fact>
            <Fact label="Average fill">
              {order.averagePrice ? formatCents(order.averagePrice) : "No fill"}
            </Fact>
            <Fact label="Slippage vs best price">{slippageWords(order.slippageBps)}</Fact>
            <Fact label="Fees">{formatUsd(order.feesUsd, { decimals: 4 })}</Fact>
          </dl>
        ) : null}
        {fills.length ? (
          <FillsTable fills={fills} intendedPrice={referencePrice} />
        ) : (
          <p className="text-sm text-muted-foreground">
            {order ? "The order did not fill." : "No order was sent in this evaluation."}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
