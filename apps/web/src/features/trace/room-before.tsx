import { Card, CardContent, CardHeader, CardTitle } from "@open-trade/ui/card";
import { formatCents, formatShares, formatUsd, toScaled } from "../../lib/money.ts";
import { Fact } from "./fact.tsx";

export interface Room {
  readonly perTradeUsd: string;
  readonly budgetLeftUsd: string;
  readonly tradesLeftToday: number;
  readonly newMarketsLeft: number;
}

export interface HeldBefore {
  readonly shares: string;
  readonly averageEntryPrice: string | null;
}

/** A holding in words: "12.5 shares at 51¢ average", or "Nothing held". */
export function holding(position: HeldBefore | undefined): string {
  if (!position || toScaled(position.shares, 6).units === 0n) return "Nothing held";
  const at = position.averageEntryPrice ? ` at ${formatCents(position.averageEntryPrice)} average` : "";
  return `${formatShares(position.shares)} shares${at}`;
}

/** Room under the bot's limits and its holding in the market, just before the decision. */
export function RoomBefore({ room, position }: { room?: Room; position?: HeldBefore }) {
  return (
    <Card data-testid="trace-room">
      <CardHeader>
        <CardTitle>2. Room and position before</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
          {room ? (
            <>
              <Fact label="Per-trade room">{formatUsd(room.perTradeUsd)}</Fact>
              <Fact label="Budget left">{formatUsd(room.budgetLeftUsd)}</Fact>
              <Fact label="Trades left today">{room.tradesLeftToday}</Fact>
              <Fact label="New markets left">{room.newMarketsLeft}</Fact>
            </>
          ) : null}
          <Fact label="Held in this outcome">{holding(position)}</Fact>
        </dl>
      </CardContent>
    </Card>
  );
}
