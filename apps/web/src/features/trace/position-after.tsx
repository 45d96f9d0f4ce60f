import { Card, CardContent, CardHeader, CardTitle } from "@open-trade/ui/card";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { Pnl } from "../../components/pnl.tsx";
import { formatCents, formatShares, formatUsd } from "../../lib/money.ts";
import { type HeldBefore, holding } from "./room-before.tsx";

/** The holding right after the evaluation, as its trace recorded it. */
export function TracedPositionAfter({ position }: { position: HeldBefore }) {
  return (
    <Card data-testid="trace-position-after">
      <CardHeader>
        <CardTitle>6. Position after</CardTitle>
      </CardHeader>
      <CardContent className="text-sm tabular-nums">{holding(position)}</CardContent>
    </Card>
  );
}

/** The bot's holding in the market now (after this and any later evaluation), for evaluations without a trace. */
export function PositionAfter(props: { botId: string; mode: "paper" | "live"; marketId: string }) {
  const trpc = useTRPC();
  const positions = useQuery(
    trpc.positions.list.queryOptions({ botId: props.botId, mode: props.mode, openOnly: false }),
  );
  const held = positions.data?.filter((p) => p.marketId === props.marketId) ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle>6. Position now</CardTitle>
      </CardHeader>
      <CardContent className="text-sm">
        {positions.isPending ? (
          "Loading…"
        ) : held.length === 0 ? (
          <p className="text-muted-foreground">The bot holds nothing in this market.</p>
        ) : (
          <ul className="flex flex-col gap-1 tabular-nums">
            {held.map((p) => (
              <li key={`${p.tokenId}`}>
                {formatShares(p.shares)} shares at {formatCents(p.averageEntryPrice)} average · cost{" "}
                {formatUsd(p.costBasisUsd)} · fees {formatUsd(p.feesUsd, { decimals: 4 })} · realized{" "}
                <Pnl value={p.realizedPnlUsd} />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
