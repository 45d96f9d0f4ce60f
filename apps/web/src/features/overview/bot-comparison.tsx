import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@open-trade/ui/table";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { Pnl } from "../../components/pnl.tsx";
import { formatUsd } from "../../lib/money.ts";
import { timeAgo, utcTime } from "../../lib/time.ts";
import { type BotStatus, ModeTag, StatusBadge, TradingStateBadge } from "../bots/bot-status.tsx";

interface ComparedBot {
  readonly id: string;
  readonly name: string;
  readonly status: BotStatus;
  readonly mode: "paper" | "live";
  readonly lastEvaluation: {
    at: string;
    outcome: string;
    tradingState: "ACTIVE" | "REDUCING" | "HALTED";
  } | null;
  readonly pnlTodayUsd: string;
  readonly tradesToday: number;
  readonly llmSpendTodayUsd: string;
}

/** Every bot side by side; each row's numbers are in that bot's own mode (tagged). */
export function BotComparison<T extends ComparedBot>({
  bots,
  actions,
}: {
  bots: readonly T[];
  /** Controls for each row (the bots page); the overview shows none. */
  actions?: (bot: T) => ReactNode;
}) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Bot</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Mode</TableHead>
          <TableHead>Trading state</TableHead>
          <TableHead>Last evaluation</TableHead>
          <TableHead className="text-right">PnL today</TableHead>
          <TableHead className="text-right">Trades today</TableHead>
          <TableHead className="text-right">Model spend today</TableHead>
          {actions ? <TableHead>Controls</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {bots.map((b) => (
          <TableRow key={b.id}>
            <TableCell className="font-medium">
              <Link to="/bots/$botId" params={{ botId: b.id }} className="hover:underline">
                {b.name}
              </Link>
            </TableCell>
            <TableCell>
              <StatusBadge status={b.status} />
            </TableCell>
            <TableCell>
              <ModeTag mode={b.mode} />
            </TableCell>
            <TableCell>
              {b.lastEvaluation ? <TradingStateBadge state={b.lastEvaluation.tradingState} /> : "—"}
            </TableCell>
            <TableCell>
              {b.lastEvaluation ? (
                <time dateTime={b.lastEvaluation.at} title={utcTime(b.lastEvaluation.at)}>
                  {timeAgo(b.lastEvaluation.at)} · {b.lastEvaluation.outcome}
                </time>
              ) : (
                "Never"
              )}
            </TableCell>
            <TableCell className="text-right">
              <Pnl value={b.pnlTodayUsd} />
            </TableCell>
            <TableCell className="text-right">{b.tradesToday}</TableCell>
            <TableCell className="text-right">{formatUsd(b.llmSpendTodayUsd, { decimals: 4 })}</TableCell>
            {actions ? <TableCell>{actions(b)}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
